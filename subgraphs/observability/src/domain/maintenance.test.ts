import { BadUserInputError, parseInput } from '@switchyard/shared';
import {
  activeMaintenance,
  inListOrder,
  maintenanceInputSchema,
  nextOccurrences,
  occurrenceAt,
  type MaintenanceWindow,
} from './maintenance.ts';

const window = (overrides: Partial<MaintenanceWindow> = {}): MaintenanceWindow => ({
  id: 'w1',
  title: 'Router swap',
  description: '',
  scope: 'GLOBAL',
  storeId: null,
  subjects: [],
  startsAt: new Date('2026-12-07T10:00:00Z'),
  endsAt: new Date('2026-12-07T12:00:00Z'),
  recurrence: null,
  weekdays: [],
  startTime: null,
  durationMinutes: null,
  cron: null,
  timeZone: 'UTC',
  createdBy: null,
  createdAt: new Date('2026-12-01T00:00:00Z'),
  ...overrides,
});
const weekly = (weekdays: number[], startTime: string, durationMinutes: number, timeZone: string) =>
  window({ startsAt: null, endsAt: null, recurrence: 'WEEKLY', weekdays, startTime, durationMinutes, timeZone });
const at = (iso: string) => new Date(iso);
const stores = { name: 'stores', storeId: null };

describe('one-off windows', () => {
  it('are in force from startsAt up to, not including, endsAt', () => {
    const w = window();
    expect(occurrenceAt(w, at('2026-12-07T09:59:59Z'))).toBeNull();
    expect(occurrenceAt(w, at('2026-12-07T10:00:00Z'))).toEqual({ startsAt: w.startsAt, endsAt: w.endsAt });
    expect(occurrenceAt(w, at('2026-12-07T12:00:00Z'))).toBeNull();
  });

  it('have a next occurrence until they end', () => {
    const w = window();
    expect(nextOccurrences(w, at('2026-12-07T08:00:00Z'))).toEqual([{ startsAt: w.startsAt, endsAt: w.endsAt }]);
    expect(nextOccurrences(w, at('2026-12-07T11:00:00Z'))).toEqual([{ startsAt: w.startsAt, endsAt: w.endsAt }]);
    expect(nextOccurrences(w, at('2026-12-07T12:00:00Z'))).toEqual([]);
  });
});

describe('weekly windows', () => {
  it('start at the local time of each chosen weekday, in their time zone', () => {
    // Mondays and Wednesdays at 22:00 in Berlin (UTC+1 in December) for 90 minutes.
    const w = weekly([1, 3], '22:00', 90, 'Europe/Berlin');
    expect(nextOccurrences(w, at('2026-12-07T12:00:00Z'), 3)).toEqual([
      { startsAt: at('2026-12-07T21:00:00Z'), endsAt: at('2026-12-07T22:30:00Z') },
      { startsAt: at('2026-12-09T21:00:00Z'), endsAt: at('2026-12-09T22:30:00Z') },
      { startsAt: at('2026-12-14T21:00:00Z'), endsAt: at('2026-12-14T22:30:00Z') },
    ]);
    expect(occurrenceAt(w, at('2026-12-07T22:29:59Z'))?.startsAt).toEqual(at('2026-12-07T21:00:00Z'));
    expect(occurrenceAt(w, at('2026-12-07T22:30:00Z'))).toBeNull();
  });

  it('is the same local time across time zones, and crosses midnight in UTC', () => {
    // Sunday 23:00 in Los Angeles is Monday 07:00 UTC in December.
    const w = weekly([7], '23:00', 120, 'America/Los_Angeles');
    const [next] = nextOccurrences(w, at('2026-12-07T12:00:00Z'));
    expect(next).toEqual({ startsAt: at('2026-12-14T07:00:00Z'), endsAt: at('2026-12-14T09:00:00Z') });
    expect(occurrenceAt(w, at('2026-12-14T08:00:00Z'))).toEqual(next);
  });

  it('starts a 02:30 window right after the gap on the spring-forward day, and at the usual time after', () => {
    // Europe/Berlin skips 02:00-03:00 on Sunday 2027-03-28: 02:30 does not exist that day.
    const w = weekly([7], '02:30', 60, 'Europe/Berlin');
    const [onChange, after] = nextOccurrences(w, at('2027-03-27T12:00:00Z'), 2);
    expect(onChange!.startsAt).toEqual(at('2027-03-28T01:00:00Z')); // 03:00 CEST
    expect(onChange!.endsAt).toEqual(at('2027-03-28T02:00:00Z'));
    expect(after!.startsAt).toEqual(at('2027-04-04T00:30:00Z')); // 02:30 CEST
  });

  it('starts once on the fall-back day, whose 02:30 happens twice', () => {
    // 2026-10-25: 02:30 CEST (00:30 UTC) and 02:30 CET (01:30 UTC).
    const w = weekly([7], '02:30', 30, 'Europe/Berlin');
    const starts = nextOccurrences(w, at('2026-10-24T12:00:00Z'), 2).map((o) => o.startsAt.toISOString());
    expect(starts).toEqual(['2026-10-25T00:30:00.000Z', '2026-11-01T01:30:00.000Z']);
    expect(occurrenceAt(w, at('2026-10-25T01:45:00Z'))).toBeNull();
  });
});

describe('cron windows', () => {
  it('start at each match in their time zone and last durationMinutes', () => {
    // 03:00 on the first day of each month in Tokyo (UTC+9) for 2 hours.
    const w = window({
      startsAt: null,
      endsAt: null,
      recurrence: 'CRON',
      cron: '0 3 1 * *',
      durationMinutes: 120,
      timeZone: 'Asia/Tokyo',
    });
    expect(nextOccurrences(w, at('2026-12-07T00:00:00Z'))).toEqual([
      { startsAt: at('2026-12-31T18:00:00Z'), endsAt: at('2026-12-31T20:00:00Z') },
    ]);
    expect(occurrenceAt(w, at('2026-12-31T19:59:00Z'))?.startsAt).toEqual(at('2026-12-31T18:00:00Z'));
    expect(occurrenceAt(w, at('2026-12-31T20:00:00Z'))).toBeNull();
  });

  it('is in force from the exact start minute', () => {
    const w = window({ startsAt: null, endsAt: null, recurrence: 'CRON', cron: '0 * * * *', durationMinutes: 5 });
    expect(occurrenceAt(w, at('2026-12-07T10:00:00Z'))?.startsAt).toEqual(at('2026-12-07T10:00:00Z'));
    expect(occurrenceAt(w, at('2026-12-07T10:05:00Z'))).toBeNull();
  });
});

describe('activeMaintenance', () => {
  const now = at('2026-12-07T11:00:00Z');

  it('matches by scope: everything, a store, or named subjects', () => {
    const global = window({ id: 'global' });
    const store = window({ id: 'store', scope: 'STORE', storeId: 's1' });
    const subject = window({ id: 'subject', scope: 'SUBJECT', subjects: ['hub:h1', 'stores'] });
    expect(activeMaintenance([global], stores, now)?.id).toBe('global');
    expect(activeMaintenance([store], { name: 'hub:h1', storeId: 's1' }, now)?.id).toBe('store');
    expect(activeMaintenance([store], { name: 'hub:h2', storeId: 's2' }, now)).toBeNull();
    expect(activeMaintenance([store], stores, now)).toBeNull();
    expect(activeMaintenance([subject], stores, now)?.id).toBe('subject');
    expect(activeMaintenance([subject], { name: 'gateway', storeId: null }, now)).toBeNull();
  });

  it('ignores windows not in force, and picks the one ending last', () => {
    const past = window({ id: 'past', endsAt: at('2026-12-07T10:30:00Z') });
    const short = window({ id: 'short', endsAt: at('2026-12-07T11:30:00Z') });
    const long = window({ id: 'long', endsAt: at('2026-12-07T13:00:00Z') });
    expect(activeMaintenance([past], stores, now)).toBeNull();
    expect(activeMaintenance([past, short, long], stores, now)?.id).toBe('long');
  });
});

describe('maintenanceInputSchema', () => {
  const parse = (input: Record<string, unknown>) => parseInput(maintenanceInputSchema, input, 'input');
  const fieldOf = (input: Record<string, unknown>) => {
    try {
      parse(input);
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      return (error as BadUserInputError).extensions.field;
    }
    throw new Error('expected BAD_USER_INPUT');
  };
  const oneOff = {
    title: 'Router swap',
    scope: 'GLOBAL',
    startsAt: at('2026-12-07T10:00:00Z'),
    endsAt: at('2026-12-07T12:00:00Z'),
  };
  const recurring = (recurrence: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({
    title: 'Nightly',
    scope: 'GLOBAL',
    recurrence,
    ...rest,
  });

  it('accepts one-off and recurring windows, normalized', () => {
    expect(parse(oneOff)).toMatchObject({
      description: '',
      storeId: null,
      subjects: [],
      recurrence: null,
      timeZone: 'UTC',
    });
    expect(
      parse(
        recurring(
          { kind: 'WEEKLY', weekdays: [3, 1, 3], startTime: '02:30', durationMinutes: 60 },
          { timeZone: 'Europe/Berlin', scope: 'SUBJECT', subjects: ['stores', 'stores'] },
        ),
      ),
    ).toMatchObject({
      recurrence: 'WEEKLY',
      weekdays: [1, 3],
      startTime: '02:30',
      subjects: ['stores'],
      startsAt: null,
    });
    expect(parse(recurring({ kind: 'CRON', cron: '0 3 * * 0', durationMinutes: 30 }))).toMatchObject({
      recurrence: 'CRON',
      cron: '0 3 * * 0',
      durationMinutes: 30,
    });
  });

  it('refuses bad windows with the field at fault', () => {
    expect(fieldOf({ ...oneOff, endsAt: oneOff.startsAt })).toBe('input.endsAt');
    expect(fieldOf({ ...oneOff, endsAt: at('2026-12-15T10:00:00Z') })).toBe('input.endsAt');
    expect(fieldOf({ ...oneOff, startsAt: undefined })).toBe('input.startsAt');
    expect(fieldOf({ ...oneOff, timeZone: 'Mars/Olympus' })).toBe('input.timeZone');
    expect(fieldOf({ ...oneOff, scope: 'STORE' })).toBe('input.storeId');
    expect(fieldOf({ ...oneOff, scope: 'SUBJECT', subjects: [] })).toBe('input.subjects');
    expect(fieldOf(recurring({ kind: 'CRON', cron: '61 * * * *', durationMinutes: 5 }))).toBe('input.recurrence.cron');
    expect(fieldOf(recurring({ kind: 'CRON', durationMinutes: 5 }))).toBe('input.recurrence.cron');
    expect(fieldOf(recurring({ kind: 'CRON', cron: '* * * * *', durationMinutes: 0 }))).toBe(
      'input.recurrence.durationMinutes',
    );
    expect(fieldOf(recurring({ kind: 'CRON', cron: '* * * * *', durationMinutes: 7 * 1440 + 1 }))).toBe(
      'input.recurrence.durationMinutes',
    );
    expect(fieldOf(recurring({ kind: 'WEEKLY', weekdays: [], startTime: '02:30', durationMinutes: 5 }))).toBe(
      'input.recurrence.weekdays',
    );
    expect(fieldOf(recurring({ kind: 'WEEKLY', weekdays: [1], startTime: '24:00', durationMinutes: 5 }))).toBe(
      'input.recurrence.startTime',
    );
    expect(fieldOf(recurring({ kind: 'WEEKLY', weekdays: [8], startTime: '02:00', durationMinutes: 5 }))).toBe(
      'input.recurrence.weekdays.0',
    );
    expect(
      fieldOf(recurring({ kind: 'CRON', cron: '* * * * *', durationMinutes: 5 }, { startsAt: oneOff.startsAt })),
    ).toBe('input.startsAt');
  });
});

describe('inListOrder', () => {
  it('lists windows in force, then those to come by start, then those over, newest first', () => {
    const now = at('2026-12-07T11:00:00Z');
    const over = window({ id: 'over', endsAt: at('2026-12-07T10:30:00Z') });
    const overNewer = window({
      id: 'over-newer',
      endsAt: at('2026-12-07T10:30:00Z'),
      createdAt: at('2026-12-02T00:00:00Z'),
    });
    const inForce = window({ id: 'in-force' });
    const later = window({ id: 'later', startsAt: at('2026-12-09T10:00:00Z'), endsAt: at('2026-12-09T11:00:00Z') });
    const sooner = weekly([1], '20:00', 30, 'UTC');
    expect(inListOrder([over, later, overNewer, sooner, inForce], now).map((w) => w.id)).toEqual([
      'in-force',
      'w1',
      'later',
      'over-newer',
      'over',
    ]);
  });
});
