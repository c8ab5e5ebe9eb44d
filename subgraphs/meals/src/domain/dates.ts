import { BadUserInputError } from '@switchyard/shared';

/**
 * Plan dates are calendar days without a time zone, handled as `YYYY-MM-DD` strings and stored
 * as PostgreSQL `date`; arithmetic happens at UTC midnight, where no day is skipped or doubled.
 */
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && toDbDate(value).toISOString().startsWith(value);
}

export function parseCalendarDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isCalendarDate(value))
    throw new BadUserInputError(field, `${field} must be a date as YYYY-MM-DD`);
  return value;
}

export function toDbDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function fromDbDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDbDate(new Date(toDbDate(date).getTime() + days * DAY_MS));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toDbDate(to).getTime() - toDbDate(from).getTime()) / DAY_MS);
}

/** The seven days of the week that starts on `weekStart` (any day may start a week). */
export function weekDays(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, index) => addDays(weekStart, index));
}

export function isInWeek(date: string, weekStart: string): boolean {
  const offset = daysBetween(weekStart, date);
  return offset >= 0 && offset < 7;
}

/** The calendar day, ISO weekday (Monday 1 … Sunday 7) and hour at `now` in `timeZone`. */
export function localTime(now: Date, timeZone: string): { date: string; weekday: number; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, weekday: ((toDbDate(date).getUTCDay() + 6) % 7) + 1, hour: Number(parts.hour) };
}

/** The Monday after `date`: the start of "the coming week". */
export function nextMonday(date: string): string {
  const weekday = ((toDbDate(date).getUTCDay() + 6) % 7) + 1;
  return addDays(date, 8 - weekday);
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The Monday on or before `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -((toDbDate(date).getUTCDay() + 6) % 7));
}

/** A generated list's title, in plain words rather than ISO: "Week of 30 Nov 2026". */
export function weekTitle(weekStart: string): string {
  const day = toDbDate(weekStart).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `Week of ${day}`;
}
