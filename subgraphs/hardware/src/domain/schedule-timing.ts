import { Cron } from 'croner';
import SunCalc from 'suncalc';

export type ScheduleTiming = 'CRON' | 'SUNRISE' | 'SUNSET';

/** When a schedule runs: a cron expression in its time zone, or sunrise/sunset at its place with an offset. */
export interface TimingSpec {
  timing: ScheduleTiming;
  cron: string | null;
  offsetMinutes: number;
  timeZone: string;
  latitude: number | null;
  longitude: number | null;
}

/** A scheduled run that starts more than this after it was due (downtime, a busy replica) is logged as late. */
export const LATE_AFTER_MS = 60_000;

const DAY_MS = 86_400_000;
// Beyond the polar circles the sun may not rise or set for months; a year always has both.
const SUN_SEARCH_DAYS = 370;

/** Whether the runtime knows this IANA time zone (e.g. Europe/Berlin). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

/**
 * Why a cron expression is refused, or null when it is fine: five fields (minute hour day-of-month
 * month day-of-week), so a schedule runs at most once a minute.
 */
export function cronProblem(expression: string): string | null {
  if (expression.trim().split(/\s+/).length !== 5)
    return 'must have five fields: minute hour day-of-month month day-of-week (e.g. 30 7 * * 1-5)';
  try {
    new Cron(expression, { paused: true });
    return null;
  } catch (error) {
    return (error as Error).message.replace(/^CronPattern: /, '');
  }
}

/**
 * The first run strictly after `after`, or null when there is none (a cron date that never comes,
 * a place where the sun neither rises nor sets within a year). Cron times are wall-clock times in
 * the schedule's time zone, so 07:00 stays 07:00 across daylight-saving changes; a time skipped by
 * the spring change (02:30 in Europe) runs when the clocks jump, once. Sunrise and sunset are
 * instants at the place (latitude, longitude), whatever the time zone.
 */
export function nextRunAfter(spec: TimingSpec, after: Date): Date | null {
  if (spec.timing === 'CRON') return new Cron(spec.cron!, { timezone: spec.timeZone, paused: true }).nextRun(after);
  const { latitude, longitude } = spec;
  if (latitude === null || longitude === null) return null;
  const offsetMs = spec.offsetMinutes * 60_000;
  // The sun crosses the meridian at about 12:00 UTC minus the longitude in hours; SunCalc answers
  // the solar day nearest the instant it is given, so stepping noon by noon visits every day once.
  const noonOf = (day: number) => new Date(day * DAY_MS + DAY_MS / 2 - (longitude / 360) * DAY_MS);
  const firstDay = Math.floor((after.getTime() - offsetMs) / DAY_MS) - 1;
  for (let day = firstDay; day < firstDay + SUN_SEARCH_DAYS; day++) {
    const times = SunCalc.getTimes(noonOf(day), latitude, longitude);
    const event = spec.timing === 'SUNRISE' ? times.sunrise : times.sunset;
    if (Number.isNaN(event.getTime())) continue;
    const at = new Date(event.getTime() + offsetMs);
    if (at > after) return at;
  }
  return null;
}

/** Whether a run that starts at `startedAt` for a slot due at `dueAt` counts as late. */
export function isLate(dueAt: Date, startedAt: Date): boolean {
  return startedAt.getTime() - dueAt.getTime() > LATE_AFTER_MS;
}
