import { addDays, isCalendarDate, isInWeek, localTime, nextMonday, weekDays, weekTitle } from './dates.ts';

describe('plan dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
  });

  it('does day arithmetic across months and daylight-saving changes', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(weekDays('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(isInWeek('2027-01-03', '2026-12-28')).toBe(true);
    expect(isInWeek('2027-01-04', '2026-12-28')).toBe(false);
  });

  it('finds the local day, weekday and hour in a household time zone', () => {
    const now = new Date('2026-11-22T23:30:00Z'); // a Sunday in UTC, already Monday in Berlin
    expect(localTime(now, 'UTC')).toEqual({ date: '2026-11-22', weekday: 7, hour: 23 });
    expect(localTime(now, 'Europe/Berlin')).toEqual({ date: '2026-11-23', weekday: 1, hour: 0 });
    expect(localTime(now, 'America/Los_Angeles')).toEqual({ date: '2026-11-22', weekday: 7, hour: 15 });
  });

  it('names the Monday that starts the coming week', () => {
    expect(nextMonday('2026-11-22')).toBe('2026-11-23');
    expect(nextMonday('2026-11-23')).toBe('2026-11-30');
  });
});

describe('weekTitle', () => {
  it('names the week in plain words', () => {
    expect(weekTitle('2026-11-30')).toBe('Week of 30 Nov 2026');
    expect(weekTitle('2027-01-04')).toBe('Week of 4 Jan 2027');
  });
});
