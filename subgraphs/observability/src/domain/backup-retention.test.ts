import { isoWeekOf, keepPolicySchema, selectKept } from './backup-retention.ts';

const at = (iso: string) => ({ id: iso, startedAt: new Date(iso) });

describe('BACKUP_KEEP', () => {
  it('reads count-unit terms', () => {
    expect(keepPolicySchema.parse('7d,4w')).toEqual({ last: 0, daily: 7, weekly: 4 });
    expect(keepPolicySchema.parse(' 3last ')).toEqual({ last: 3, daily: 0, weekly: 0 });
    expect(keepPolicySchema.parse('2last,1d,0w')).toEqual({ last: 2, daily: 1, weekly: 0 });
  });

  it.each(['', '7', '7days', 'd7', '7d,3d', '0d', '0last,0w', '7d;4w', '-1d'])('refuses %j', (text) => {
    expect(keepPolicySchema.safeParse(text).success).toBe(false);
  });
});

describe('isoWeekOf', () => {
  it.each([
    ['2026-12-06T23:59:00Z', '2026-W49'], // a Sunday ends its week
    ['2026-12-07T00:00:00Z', '2026-W50'], // Monday starts the next
    ['2027-01-01T12:00:00Z', '2026-W53'], // 2026 has 53 ISO weeks
    ['2025-12-29T00:00:00Z', '2026-W01'], // the week of 2026's first Thursday
  ])('%s is in %s', (iso, week) => expect(isoWeekOf(new Date(iso))).toBe(week));
});

describe('selectKept', () => {
  it('keeps the newest of each of the last 7 days and of each of the last 4 weeks', () => {
    // Two backups a day (03:00 and 15:00) for 60 days up to Sunday 2026-12-06.
    const backups = Array.from({ length: 60 }, (_, day) => new Date(Date.UTC(2026, 11, 6 - day))).flatMap((d) => [
      at(new Date(d.getTime() + 3 * 3_600_000).toISOString()),
      at(new Date(d.getTime() + 15 * 3_600_000).toISOString()),
    ]);
    const kept = [...selectKept(backups, { last: 0, daily: 7, weekly: 4 })].sort();
    expect(kept).toEqual(
      [
        // Three weeks before this one, each week's newest: its Sunday afternoon.
        '2026-11-15T15:00:00.000Z',
        '2026-11-22T15:00:00.000Z',
        '2026-11-29T15:00:00.000Z',
        // The last 7 days' afternoons (the newest, Sunday's, is also this week's).
        '2026-11-30T15:00:00.000Z',
        '2026-12-01T15:00:00.000Z',
        '2026-12-02T15:00:00.000Z',
        '2026-12-03T15:00:00.000Z',
        '2026-12-04T15:00:00.000Z',
        '2026-12-05T15:00:00.000Z',
        '2026-12-06T15:00:00.000Z',
      ].sort(),
    );
  });

  it('keeps the newest N whatever their days, in any input order', () => {
    const backups = [
      '2026-12-06T10:00:02Z',
      '2026-12-06T10:00:00Z',
      '2026-12-06T10:00:04Z',
      '2026-12-06T10:00:06Z',
    ].map(at);
    expect([...selectKept(backups, { last: 2, daily: 0, weekly: 0 })].sort()).toEqual([
      '2026-12-06T10:00:04Z',
      '2026-12-06T10:00:06Z',
    ]);
    // The last two, plus the newest of the day (already one of them).
    expect(selectKept(backups, { last: 2, daily: 1, weekly: 0 }).size).toBe(2);
  });

  it('keeps fewer when there are fewer days than asked for', () => {
    expect(selectKept([at('2026-12-01T03:00:00Z')], { last: 0, daily: 7, weekly: 4 })).toEqual(
      new Set(['2026-12-01T03:00:00Z']),
    );
  });
});
