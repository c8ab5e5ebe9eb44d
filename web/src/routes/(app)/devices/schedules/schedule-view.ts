// How the schedules page words a schedule's timing: plain functions, no Svelte.
import type { ScheduleTiming } from '$lib/graphql/generated/graphql.js';

export interface TimingView {
  timing: ScheduleTiming;
  cron?: string | null;
  offsetMinutes: number;
  timeZone: string;
}

/** e.g. "cron 30 7 * * 1-5 (Europe/Berlin)", "sunset − 30 min", "sunrise". */
export function describeTiming({ timing, cron, offsetMinutes, timeZone }: TimingView): string {
  if (timing === 'CRON') return `cron ${cron ?? ''} (${timeZone})`;
  const sun = timing === 'SUNRISE' ? 'sunrise' : 'sunset';
  if (offsetMinutes === 0) return sun;
  return `${sun} ${offsetMinutes > 0 ? '+' : '−'} ${Math.abs(offsetMinutes)} min`;
}

/** The browser's own time zone: a new schedule's default when no store is chosen. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
