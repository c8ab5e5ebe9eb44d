import { createCheckRepository } from '../src/data/check-repository.ts';
import { createLeaseRepository } from '../src/data/lease-repository.ts';
import { TEST_BACKENDS, eventually } from '@switchyard/testing';
import { startObservability } from './support.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(TEST_BACKENDS)('check history and the checker lease (%s)', (backend) => {
  let observability: Awaited<ReturnType<typeof startObservability>>;
  beforeAll(async () => {
    observability = await startObservability(backend);
  });
  afterAll(() => observability?.stop());

  it('rolls old checks up by hour, deletes expired raw checks and roll-ups, and keeps uptime across both', async () => {
    const checks = createCheckRepository(observability.db, () => undefined);
    const now = new Date('2026-03-10T12:30:00Z');
    const target = { name: 'stores', kind: 'SUBGRAPH' as const };
    const at = (ms: number) => new Date(now.getTime() - ms);
    // Ten days ago: one hour with 3 UP and 1 DOWN (and a check while it was starting, which counts
    // neither way); 100 days ago: one hour that must disappear; today: 1 UP and 1 starting.
    await checks.record(target, { ok: false, latencyMs: 10, error: 'refused' }, 'STARTING', at(10 * DAY + 240_000));
    await checks.record(target, { ok: false, latencyMs: 10, error: 'refused' }, 'STARTING', at(HOUR + 60_000));
    for (const [ago, ok] of [
      [10 * DAY, true],
      [10 * DAY + 60_000, true],
      [10 * DAY + 120_000, true],
      [10 * DAY + 180_000, false],
      [100 * DAY, true],
      [HOUR, true],
    ] as const) {
      await checks.record(target, { ok, latencyMs: 10, error: ok ? null : 'down' }, ok ? 'UP' : 'DOWN', at(ago));
    }
    await checks.compact(at(7 * DAY), at(90 * DAY), now);

    expect(await observability.db.serviceCheck.count()).toBe(2);
    const hours = await observability.db.serviceCheckHourly.findMany({ orderBy: { hour: 'asc' } });
    expect(hours.map((h) => [h.checks, h.upChecks])).toEqual([
      [4, 3],
      [1, 1],
    ]);
    // The raw check's hour is rolled up too, but counted once: 3 of 4 old checks and the recent one were up.
    expect(await checks.uptime('stores', at(30 * DAY))).toBeCloseTo(4 / 5);
    expect(await checks.uptime('stores', at(DAY))).toBe(1);
  });

  it('lets one holder at a time run the checker, and another take over once the lease expired', async () => {
    const leases = createLeaseRepository(observability.db);
    expect(await leases.acquire('test', 'a', 60_000)).toBe(true);
    expect(await leases.acquire('test', 'b', 60_000)).toBe(false);
    expect(await leases.acquire('test', 'a', 60_000)).toBe(true);
    expect(await leases.acquire('short', 'a', 1)).toBe(true);
    expect(await eventually(() => leases.acquire('short', 'b', 60_000), 5_000, 5)).toBe(true);
    const racers = await Promise.all(['x', 'y', 'z'].map((holder) => leases.acquire('race', holder, 60_000)));
    expect(racers.filter(Boolean)).toHaveLength(1);
  });
});
