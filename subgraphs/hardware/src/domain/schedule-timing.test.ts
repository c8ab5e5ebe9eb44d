import { cronProblem, isLate, isTimeZone, nextRunAfter, type TimingSpec } from './schedule-timing.ts';

const cron = (expression: string, timeZone = 'Europe/Berlin'): TimingSpec => ({
  timing: 'CRON',
  cron: expression,
  offsetMinutes: 0,
  timeZone,
  latitude: null,
  longitude: null,
});
const sun = (timing: 'SUNRISE' | 'SUNSET', offsetMinutes = 0, latitude = 52.52, longitude = 13.405): TimingSpec => ({
  timing,
  cron: null,
  offsetMinutes,
  timeZone: 'Europe/Berlin',
  latitude,
  longitude,
});
const at = (iso: string) => new Date(iso);
const minutesBetween = (a: Date, b: Date) => Math.abs(a.getTime() - b.getTime()) / 60_000;

describe('schedule timing', () => {
  it('keeps a cron time on the wall clock across daylight-saving changes', () => {
    const daily = cron('0 7 * * *');
    // CET (+1) before 29 March 2026, CEST (+2) after.
    expect(nextRunAfter(daily, at('2026-03-28T12:00:00Z'))).toEqual(at('2026-03-29T05:00:00Z'));
    expect(nextRunAfter(daily, at('2026-03-27T12:00:00Z'))).toEqual(at('2026-03-28T06:00:00Z'));
    // Back to CET on 25 October.
    expect(nextRunAfter(daily, at('2026-10-25T00:00:00Z'))).toEqual(at('2026-10-25T06:00:00Z'));
  });

  it('runs a time the spring change skips once, when the clocks jump', () => {
    const skipped = cron('30 2 * * *');
    expect(nextRunAfter(skipped, at('2026-03-28T12:00:00Z'))).toEqual(at('2026-03-29T01:00:00Z'));
    expect(nextRunAfter(skipped, at('2026-03-29T01:00:00Z'))).toEqual(at('2026-03-30T00:30:00Z'));
  });

  it('reads cron in the schedule’s own time zone', () => {
    expect(nextRunAfter(cron('0 9 * * *', 'America/New_York'), at('2026-07-01T00:00:00Z'))).toEqual(
      at('2026-07-01T13:00:00Z'),
    );
  });

  it('finds sunrise and sunset at the place, with the offset', () => {
    // Berlin, midsummer: sunrise about 04:43 CEST (02:43 UTC), sunset about 21:33 CEST (19:33 UTC).
    const sunrise = nextRunAfter(sun('SUNRISE'), at('2026-06-21T00:00:00Z'))!;
    expect(minutesBetween(sunrise, at('2026-06-21T02:43:00Z'))).toBeLessThan(5);
    const sunset = nextRunAfter(sun('SUNSET', -30), at('2026-06-21T00:00:00Z'))!;
    expect(minutesBetween(sunset, at('2026-06-21T19:03:00Z'))).toBeLessThan(5);
  });

  it('moves to the next day once today’s sunrise has passed', () => {
    const next = nextRunAfter(sun('SUNRISE'), at('2026-06-21T03:00:00Z'))!;
    expect(next.toISOString().slice(0, 10)).toBe('2026-06-22');
    expect(minutesBetween(next, at('2026-06-22T02:44:00Z'))).toBeLessThan(5);
  });

  it('counts a large offset from the day’s sun event, not the calendar day', () => {
    // Sunset + 12 h lands on the next morning and is still the 21 June sunset's run.
    const next = nextRunAfter(sun('SUNSET', 720), at('2026-06-21T12:00:00Z'))!;
    expect(minutesBetween(next, at('2026-06-22T07:33:00Z'))).toBeLessThan(5);
  });

  it('skips the polar night until the sun rises again', () => {
    // Tromsø: no sunrise from late November to mid January.
    const next = nextRunAfter(sun('SUNRISE', 0, 69.65, 18.96), at('2026-12-07T00:00:00Z'))!;
    expect(next.getTime()).toBeGreaterThan(at('2027-01-10T00:00:00Z').getTime());
    expect(next.getTime()).toBeLessThan(at('2027-01-20T00:00:00Z').getTime());
  });

  it('refuses cron expressions that are not five valid fields', () => {
    expect(cronProblem('30 7 * * 1-5')).toBeNull();
    expect(cronProblem('61 * * * *')).toMatch(/minute/);
    expect(cronProblem('* * * * * *')).toMatch(/five fields/);
    expect(cronProblem('')).toMatch(/five fields/);
  });

  it('knows IANA time zones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('calls a run late a minute after its slot', () => {
    expect(isLate(at('2026-01-01T00:00:00Z'), at('2026-01-01T00:00:30Z'))).toBe(false);
    expect(isLate(at('2026-01-01T00:00:00Z'), at('2026-01-01T03:00:00Z'))).toBe(true);
  });
});
