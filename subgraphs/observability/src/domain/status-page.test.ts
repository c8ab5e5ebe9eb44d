import type { MaintenanceWindow } from './maintenance.ts';
import {
  componentStatus,
  incidentInputSchema,
  overallStatus,
  pageMaintenance,
  publicView,
  showsIncident,
  statusPageInputSchema,
  uptimeBars,
  type Incident,
  type StatusPage,
} from './status-page.ts';

const now = new Date('2026-12-07T15:30:00Z');

describe('uptimeBars', () => {
  it('draws 90 UTC days ending today, oldest first, null where nothing was checked', () => {
    const { days } = uptimeBars([], now);
    expect(days).toHaveLength(90);
    expect(days[0]).toEqual({ date: '2026-09-09', uptime: null });
    expect(days[89]).toEqual({ date: '2026-12-07', uptime: null });
  });

  it('adds up the counts of a day and weighs the 90-day uptime by checks, leaving out days before the span', () => {
    const { days, uptime } = uptimeBars(
      [
        { date: '2026-12-07', checks: 10, up: 10 },
        { date: '2026-12-06', checks: 60, up: 30 },
        { date: '2026-12-06', checks: 30, up: 30 },
        { date: '2026-09-08', checks: 100, up: 0 },
      ],
      now,
    );
    expect(days.at(-1)).toEqual({ date: '2026-12-07', uptime: 1 });
    expect(days.at(-2)).toEqual({ date: '2026-12-06', uptime: 60 / 90 });
    expect(days.at(-3)!.uptime).toBeNull();
    expect(uptime).toBe(70 / 100);
  });

  it('has no uptime without checks', () => {
    expect(uptimeBars([{ date: '2026-12-07', checks: 0, up: 0 }], now).uptime).toBeNull();
  });
});

describe('status derivation', () => {
  it('maps a check to the public status: maintenance first, unknown before the first check or while starting', () => {
    expect(componentStatus('UP', false)).toBe('UP');
    expect(componentStatus('DEGRADED', false)).toBe('DEGRADED');
    expect(componentStatus('DOWN', false)).toBe('DOWN');
    expect(componentStatus('DOWN', true)).toBe('MAINTENANCE');
    expect(componentStatus('STARTING', false)).toBe('UNKNOWN');
    expect(componentStatus(null, false)).toBe('UNKNOWN');
  });

  it('gives the page its worst component status, UP without components', () => {
    expect(overallStatus([])).toBe('UP');
    expect(overallStatus(['UP', 'UNKNOWN'])).toBe('UNKNOWN');
    expect(overallStatus(['UP', 'MAINTENANCE', 'DEGRADED'])).toBe('DEGRADED');
    expect(overallStatus(['DEGRADED', 'DOWN', 'MAINTENANCE'])).toBe('DOWN');
  });
});

const incident = (overrides: Partial<Incident>): Incident => ({
  id: 'i',
  title: 'Card payments fail',
  status: 'INVESTIGATING',
  impact: null,
  everyPage: true,
  statusPageIds: [],
  createdBy: null,
  createdAt: new Date(now.getTime() - 3_600_000),
  resolvedAt: null,
  updates: [],
  ...overrides,
});

describe('showsIncident', () => {
  it('shows open incidents and those resolved within 7 days, on their pages or every page', () => {
    expect(showsIncident(incident({}), 'p', now)).toBe(true);
    expect(showsIncident(incident({ everyPage: false, statusPageIds: ['q'] }), 'p', now)).toBe(false);
    expect(showsIncident(incident({ everyPage: false, statusPageIds: ['q', 'p'] }), 'p', now)).toBe(true);
    // Its pages deleted: on none, not on every page.
    expect(showsIncident(incident({ everyPage: false, statusPageIds: [] }), 'p', now)).toBe(false);
    const resolved = (days: number) => incident({ resolvedAt: new Date(now.getTime() - days * 86_400_000) });
    expect(showsIncident(resolved(6.9), 'p', now)).toBe(true);
    expect(showsIncident(resolved(7.1), 'p', now)).toBe(false);
  });
});

describe('publicView', () => {
  const page: StatusPage = {
    id: 'p',
    slug: 'shops',
    title: 'Our shops',
    description: null,
    published: true,
    components: [
      { subject: 'monitor:0b7c', displayName: 'Card terminals' },
      { subject: 'postgresql', displayName: 'Website' },
    ],
    createdAt: now,
    updatedAt: now,
  };

  it('shows display names, statuses and bars only, never the subjects, and updates newest first', () => {
    const view = publicView(
      page,
      {
        health: new Map([['monitor:0b7c', 'DOWN' as const]]),
        counts: new Map([['postgresql', [{ date: '2026-12-07', checks: 4, up: 3 }]]]),
        incidents: [
          incident({
            updates: [
              { id: 'a', status: 'INVESTIGATING', message: 'Looking', createdBy: 'u', createdAt: new Date(1) },
              { id: 'b', status: 'IDENTIFIED', message: 'Found it', createdBy: 'u', createdAt: new Date(2) },
            ],
          }),
        ],
        maintenance: { windows: [], subjectsInMaintenance: new Set(['postgresql']) },
      },
      now,
    );
    expect(view.status).toBe('DOWN');
    expect(view.components.map(({ displayName, status, uptime90 }) => ({ displayName, status, uptime90 }))).toEqual([
      { displayName: 'Card terminals', status: 'DOWN', uptime90: null },
      { displayName: 'Website', status: 'MAINTENANCE', uptime90: 0.75 },
    ]);
    expect(view.incidents[0]!.updates.map((u) => u.message)).toEqual(['Found it', 'Looking']);
    const text = JSON.stringify(view);
    expect(text).not.toContain('monitor:0b7c');
    expect(text).not.toContain('postgresql');
    expect(text).not.toContain('createdBy');
  });
});

describe('input checks', () => {
  it('accepts slugs of a-z 0-9 and inner dashes only', () => {
    const parse = (slug: string) => statusPageInputSchema.safeParse({ slug, title: 'T' }).success;
    expect(parse('shops-north')).toBe(true);
    expect(parse('a1')).toBe(true);
    expect(parse('-shops')).toBe(false);
    expect(parse('Shops')).toBe(false);
    expect(parse('a')).toBe(false);
    expect(parse('x'.repeat(65))).toBe(false);
  });

  it('does not open an incident as RESOLVED', () => {
    expect(incidentInputSchema.safeParse({ title: 'T', message: 'm', status: 'RESOLVED' }).success).toBe(false);
    expect(incidentInputSchema.parse({ title: 'T', message: 'm' }).status).toBe('INVESTIGATING');
  });
});

describe('pageMaintenance', () => {
  const window = (overrides: Partial<MaintenanceWindow>): MaintenanceWindow => ({
    id: 'w',
    title: 'Router swap',
    description: '',
    scope: 'SUBJECT',
    storeId: null,
    subjects: [],
    startsAt: null,
    endsAt: null,
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
  const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
  const subjects = [
    { name: 'monitor:a', storeId: 'store-1' },
    { name: 'stores', storeId: null },
  ];

  it('lists the windows in force or coming within a week that touch the page, soonest first, and who is in one now', () => {
    const { windows, subjectsInMaintenance } = pageMaintenance(
      [
        window({ title: 'Tills', scope: 'STORE', storeId: 'store-1', startsAt: hours(-1), endsAt: hours(1) }),
        window({ title: 'Database', subjects: ['stores'], startsAt: hours(48), endsAt: hours(50) }),
        window({ title: 'Elsewhere', scope: 'STORE', storeId: 'store-2', startsAt: hours(-1), endsAt: hours(1) }),
        window({ title: 'Too far', subjects: ['stores'], startsAt: hours(24 * 8), endsAt: hours(24 * 8 + 1) }),
        window({ title: 'Over', subjects: ['stores'], startsAt: hours(-3), endsAt: hours(-2) }),
      ],
      subjects,
      now,
    );
    expect(windows).toEqual([
      { title: 'Tills', startsAt: hours(-1), endsAt: hours(1), activeNow: true },
      { title: 'Database', startsAt: hours(48), endsAt: hours(50), activeNow: false },
    ]);
    expect([...subjectsInMaintenance]).toEqual(['monitor:a']);
  });
});
