import { z } from 'zod';

/** How many backups BACKUP_KEEP keeps: the newest `last`, plus the newest of each of `daily` days and `weekly` ISO weeks. */
export interface KeepPolicy {
  last: number;
  daily: number;
  weekly: number;
}

const UNITS = { last: 'last', d: 'daily', w: 'weekly' } as const;
const TERM = /^(\d{1,4})(last|d|w)$/;

/**
 * BACKUP_KEEP: comma-separated `<count><unit>` terms, unit `d` (days), `w` (ISO weeks) or `last`
 * (the newest ones whatever their age), e.g. `7d,4w` (the default) or `3last`. Each unit at most
 * once; at least one backup must be kept.
 */
export const keepPolicySchema = z.string().transform((text, ctx): KeepPolicy => {
  const policy: KeepPolicy = { last: 0, daily: 0, weekly: 0 };
  const seen = new Set<string>();
  for (const term of text.split(',').map((t) => t.trim())) {
    const match = TERM.exec(term);
    const unit = match && UNITS[match[2] as keyof typeof UNITS];
    if (!match || !unit || seen.has(unit)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${term}" is not a term like 7d, 4w or 3last (each unit once, comma-separated)`,
      });
      return z.NEVER;
    }
    seen.add(unit);
    policy[unit] = Number(match[1]);
  }
  if (policy.last + policy.daily + policy.weekly === 0) {
    ctx.addIssue({ code: 'custom', message: 'must keep at least one backup' });
    return z.NEVER;
  }
  return policy;
});

export function describeKeepPolicy(policy: KeepPolicy): string {
  return (
    [
      policy.last ? `${policy.last}last` : null,
      policy.daily ? `${policy.daily}d` : null,
      policy.weekly ? `${policy.weekly}w` : null,
    ]
      .filter(Boolean)
      .join(',') || 'none'
  );
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** `2026-W49`: ISO 8601 week (Monday to Sunday, UTC), the week of its Thursday. */
export function isoWeekOf(at: Date): string {
  const thursday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The good backups `policy` keeps, as restic's --keep-last/--keep-daily/--keep-weekly do: going
 * from the newest, the first `last` are kept, and each backup that is the newest of a day (of a
 * week) is kept while fewer than `daily` days (`weekly` weeks) have been. A backup may count for
 * several units. Days and weeks are UTC.
 */
export function selectKept<T extends { id: string; startedAt: Date }>(backups: T[], policy: KeepPolicy): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  const kept = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  newestFirst.forEach((backup, index) => {
    if (index < policy.last) kept.add(backup.id);
    const day = dayOf(backup.startedAt);
    if (!days.has(day) && days.size < policy.daily) {
      days.add(day);
      kept.add(backup.id);
    }
    const week = isoWeekOf(backup.startedAt);
    if (!weeks.has(week) && weeks.size < policy.weekly) {
      weeks.add(week);
      kept.add(backup.id);
    }
  });
  return kept;
}
