/**
 * Maintenance windows: when a subject's alerts must neither fire nor notify. Recurring windows are
 * croner patterns in the window's IANA time zone (a weekly window is the pattern `MM HH * * days`),
 * so daylight saving time is croner's (Vixie cron's) rule: a start in the spring-forward gap
 * (02:30 on that Sunday in Europe) begins at the first valid time after it (03:00), and a start in
 * the repeated autumn hour begins at its first occurrence. Each occurrence lasts durationMinutes.
 */
import { Cron } from 'croner';
import { z } from 'zod';
import { isIanaTimeZone } from '@switchyard/shared/places';

export type MaintenanceScope = 'GLOBAL' | 'STORE' | 'SUBJECT';
export type MaintenanceRecurrenceKind = 'WEEKLY' | 'CRON';

export interface MaintenanceWindow {
  id: string;
  title: string;
  description: string;
  scope: MaintenanceScope;
  storeId: string | null;
  subjects: string[];
  startsAt: Date | null;
  endsAt: Date | null;
  recurrence: MaintenanceRecurrenceKind | null;
  /** ISO weekdays, 1 (Monday) to 7 (Sunday). */
  weekdays: number[];
  /** HH:MM, local to timeZone. */
  startTime: string | null;
  durationMinutes: number | null;
  cron: string | null;
  timeZone: string;
  createdBy: string | null;
  createdAt: Date;
}

/** What a window is checked against: a health-matrix name and the store it belongs to, if any. */
export interface MaintenanceSubject {
  name: string;
  storeId: string | null;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

const MINUTE_MS = 60_000;
export const MAX_DURATION_MINUTES = 7 * 24 * 60;

/** The croner pattern of a recurring window's starts. */
function patternOf(window: Pick<MaintenanceWindow, 'recurrence' | 'weekdays' | 'startTime' | 'cron'>): string {
  if (window.recurrence === 'CRON') return window.cron!;
  const [hours, minutes] = window.startTime!.split(':').map(Number);
  // Croner counts Sunday as 0; ISO as 7.
  const days = [...new Set(window.weekdays.map((day) => day % 7))].sort((a, b) => a - b).join(',');
  return `${minutes} ${hours} * * ${days}`;
}

function cronOf(window: MaintenanceWindow): Cron {
  return new Cron(patternOf(window), { timezone: window.timeZone, paused: true });
}

/** The occurrence in force at `now`, or null. */
export function occurrenceAt(window: MaintenanceWindow, now: Date): Occurrence | null {
  if (window.recurrence === null) {
    const { startsAt, endsAt } = window;
    return startsAt && endsAt && startsAt <= now && now < endsAt ? { startsAt, endsAt } : null;
  }
  // The latest start up to now (now itself included) ends last, so it alone decides.
  const [start] = cronOf(window).previousRuns(1, new Date(now.getTime() + 1));
  if (!start) return null;
  const endsAt = new Date(start.getTime() + window.durationMinutes! * MINUTE_MS);
  return now < endsAt ? { startsAt: start, endsAt } : null;
}

/** Up to `count` occurrences not over at `now`, soonest first: the one in force, if any, then those to come. */
export function nextOccurrences(window: MaintenanceWindow, now: Date, count = 1): Occurrence[] {
  const current = occurrenceAt(window, now);
  if (window.recurrence === null) {
    const { startsAt, endsAt } = window;
    return current ? [current] : startsAt && endsAt && now < startsAt ? [{ startsAt, endsAt }] : [];
  }
  const wanted = current ? count - 1 : count;
  const starts = wanted > 0 ? cronOf(window).nextRuns(wanted, now) : [];
  return [
    ...(current ? [current] : []),
    ...starts.map((start) => ({
      startsAt: start,
      endsAt: new Date(start.getTime() + window.durationMinutes! * MINUTE_MS),
    })),
  ];
}

/** Whether a window's scope covers `subject` (whenever it is in force). */
export function covers(window: MaintenanceWindow, subject: MaintenanceSubject): boolean {
  if (window.scope === 'GLOBAL') return true;
  if (window.scope === 'STORE') return subject.storeId !== null && subject.storeId === window.storeId;
  return window.subjects.includes(subject.name);
}

/** The window that keeps `subject` in maintenance at `now` (the one ending last when several do), or null. */
export function activeMaintenance<W extends MaintenanceWindow>(
  windows: readonly W[],
  subject: MaintenanceSubject,
  now: Date,
): W | null {
  let found: { window: W; endsAt: Date } | null = null;
  for (const window of windows) {
    if (!covers(window, subject)) continue;
    const occurrence = occurrenceAt(window, now);
    if (occurrence && (!found || occurrence.endsAt > found.endsAt)) found = { window, endsAt: occurrence.endsAt };
  }
  return found?.window ?? null;
}

const SUBJECT_NAME = /^[a-z0-9][\w:.\-/ ()]*$/i;

const recurrenceSchema = z
  .object({
    kind: z.enum(['WEEKLY', 'CRON']),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).nullish(),
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (00:00 to 23:59)')
      .nullish(),
    durationMinutes: z
      .number()
      .int()
      .min(1, 'must be at least 1 minute')
      .max(MAX_DURATION_MINUTES, 'must be at most 7 days'),
    cron: z.string().trim().max(200).nullish(),
  })
  .superRefine((recurrence, ctx) => {
    if (recurrence.kind === 'WEEKLY') {
      if (!recurrence.weekdays?.length)
        ctx.addIssue({ code: 'custom', path: ['weekdays'], message: 'choose at least one weekday' });
      if (!recurrence.startTime) ctx.addIssue({ code: 'custom', path: ['startTime'], message: 'is required' });
      return;
    }
    if (!recurrence.cron) {
      ctx.addIssue({ code: 'custom', path: ['cron'], message: 'is required' });
      return;
    }
    try {
      new Cron(recurrence.cron, { paused: true }).stop();
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['cron'],
        message: `is not a valid cron expression (${error instanceof Error ? error.message : error})`,
      });
    }
  });

/** What an operator may write into a window; the field paths of problems are the GraphQL input's. */
export const maintenanceInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).nullish(),
    scope: z.enum(['GLOBAL', 'STORE', 'SUBJECT']),
    storeId: z.string().trim().min(1).max(100).nullish(),
    subjects: z
      .array(z.string().trim().min(1).max(200).regex(SUBJECT_NAME, 'is not a subject name'))
      .max(100)
      .nullish(),
    startsAt: z.date().nullish(),
    endsAt: z.date().nullish(),
    recurrence: recurrenceSchema.nullish(),
    timeZone: z.string().trim().refine(isIanaTimeZone, 'is not an IANA time zone (e.g. Europe/Berlin)').nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.scope === 'STORE' && !input.storeId)
      ctx.addIssue({ code: 'custom', path: ['storeId'], message: 'is required for a STORE window' });
    if (input.scope === 'SUBJECT' && !input.subjects?.length)
      ctx.addIssue({ code: 'custom', path: ['subjects'], message: 'choose at least one subject' });
    if (input.recurrence) {
      if (input.startsAt || input.endsAt)
        ctx.addIssue({
          code: 'custom',
          path: [input.startsAt ? 'startsAt' : 'endsAt'],
          message: 'a recurring window has no start and end: leave them out',
        });
      return;
    }
    if (!input.startsAt)
      ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'is required without recurrence' });
    if (!input.endsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'is required without recurrence' });
    if (!input.startsAt || !input.endsAt) return;
    const minutes = (input.endsAt.getTime() - input.startsAt.getTime()) / MINUTE_MS;
    if (minutes <= 0) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    else if (minutes < 1)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be at least 1 minute after startsAt' });
    else if (minutes > MAX_DURATION_MINUTES)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be at most 7 days after startsAt' });
  })
  .transform((input) => ({
    title: input.title,
    description: input.description ?? '',
    scope: input.scope,
    storeId: input.scope === 'STORE' ? input.storeId! : null,
    subjects: input.scope === 'SUBJECT' ? [...new Set(input.subjects)] : [],
    startsAt: input.recurrence ? null : input.startsAt!,
    endsAt: input.recurrence ? null : input.endsAt!,
    recurrence: input.recurrence?.kind ?? null,
    weekdays: input.recurrence?.kind === 'WEEKLY' ? [...new Set(input.recurrence.weekdays)].sort((a, b) => a - b) : [],
    startTime: input.recurrence?.kind === 'WEEKLY' ? input.recurrence.startTime! : null,
    durationMinutes: input.recurrence?.durationMinutes ?? null,
    cron: input.recurrence?.kind === 'CRON' ? input.recurrence.cron! : null,
    timeZone: input.timeZone ?? 'UTC',
  }));

export type MaintenanceInput = z.output<typeof maintenanceInputSchema>;

/**
 * Windows as a list shows them: those in force first, then those to come by their next start,
 * then those over (one-off windows that ended), newest first.
 */
export function inListOrder<W extends MaintenanceWindow>(windows: readonly W[], now: Date): W[] {
  const keyed = windows.map((window) => {
    const next = nextOccurrences(window, now)[0] ?? null;
    const rank = next === null ? 2 : next.startsAt <= now ? 0 : 1;
    return { window, rank, at: next?.startsAt.getTime() ?? -window.createdAt.getTime() };
  });
  return keyed.sort((a, b) => a.rank - b.rank || a.at - b.at).map(({ window }) => window);
}
