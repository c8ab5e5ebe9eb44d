import { randomUUID } from 'node:crypto';
import { parseConfig, runRetentionPass, type Logger } from '@switchyard/shared';
import { Registry } from 'prom-client';
import { createCheckRepository } from '../src/data/check-repository.ts';
import { createLeaseRepository } from '../src/data/lease-repository.ts';
import { observabilityRetention } from '../src/data/retention.ts';
import { observabilityEnvSchema } from '../src/config.ts';
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

  /** A retention pass at `now` with the default retention settings, as the process runs it. */
  async function prune(now: Date, batchSize = 2) {
    const config = parseConfig(observabilityEnvSchema, { INTERNAL_SIGNING_SECRET: 's'.repeat(32) });
    const registry = new Registry();
    const logged: Record<string, unknown>[] = [];
    const logger = {
      info: (details: Record<string, unknown>) => void logged.push(details),
      debug: () => undefined,
      error: (details: Record<string, unknown>) => void logged.push(details),
    } as unknown as Logger;
    const removed = await runRetentionPass({
      db: observability.db,
      logger,
      registry,
      tasks: observabilityRetention(
        createCheckRepository(observability.db, () => undefined),
        config,
      ),
      batchSize,
      pauseMs: 0,
      now,
    });
    const counted = (await registry.getSingleMetric('retention_pruned_rows_total')!.get()).values;
    return { removed, logged, counted: Object.fromEntries(counted.map((v) => [v.labels.table, v.value])) };
  }

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
    // Webhook deliveries go after 30 days, their attempts with them.
    const endpoint = await observability.db.webhookEndpoint.create({
      data: {
        url: 'https://hooks.example.com/r',
        eventTypes: ['store.created'],
        ownerId: randomUUID(),
        secret: 'whsec_x',
      },
    });
    for (const ago of [31 * DAY, DAY]) {
      const delivery = await observability.db.webhookDelivery.create({
        data: {
          endpointId: endpoint.id,
          eventId: randomUUID(),
          eventType: 'store.created',
          aggregateKey: 'Store:r',
          sequence: 1,
          occurredAt: at(ago),
          body: '{}',
          status: 'DELIVERED',
          createdAt: at(ago),
        },
      });
      await observability.db.webhookAttempt.create({
        data: { deliveryId: delivery.id, latencyMs: 5, httpStatus: 200 },
      });
    }
    // The checker rolls finished hours up; retention deletes raw checks past 7 days and roll-ups past 90.
    await checks.rollUp(now);
    const { removed, logged, counted } = await prune(now);
    expect(removed).toEqual({ ActivityEntry: 0, ServiceCheck: 6, ServiceCheckHourly: 1, WebhookDelivery: 1 });
    expect(counted).toEqual({ ActivityEntry: 0, ServiceCheck: 6, ServiceCheckHourly: 1, WebhookDelivery: 1 });
    // Info lines only for tables something was removed from.
    expect(logged).toEqual([
      expect.objectContaining({ table: 'ServiceCheck', removed: 6 }),
      expect.objectContaining({ table: 'ServiceCheckHourly', removed: 1 }),
      expect.objectContaining({ table: 'WebhookDelivery', removed: 1 }),
    ]);
    expect(await observability.db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
    expect(await observability.db.webhookAttempt.count({ where: { delivery: { endpointId: endpoint.id } } })).toBe(1);

    expect(await observability.db.serviceCheck.count()).toBe(2);
    const hours = await observability.db.serviceCheckHourly.findMany({ orderBy: { hour: 'asc' } });
    expect(hours.map((h) => [h.checks, h.upChecks])).toEqual([
      [4, 3],
      [1, 1],
    ]);
    // The raw check's hour is rolled up too, but counted once: 3 of 4 old checks and the recent one were up.
    expect((await checks.uptimes(['stores'], at(30 * DAY))).get('stores')).toBeCloseTo(4 / 5);
    expect(await checks.uptimes(['stores', 'meals'], at(DAY))).toEqual(
      new Map([
        ['stores', 1],
        ['meals', null],
      ]),
    );
  });

  it('rolls up hours the checker has not yet rolled up before their raw checks go', async () => {
    const checks = createCheckRepository(observability.db, () => undefined);
    const now = new Date('2026-06-10T12:30:00Z');
    const target = { name: 'meals', kind: 'SUBGRAPH' as const };
    for (const minutes of [0, 1, 2]) {
      const at = new Date(now.getTime() - 20 * DAY - minutes * 60_000);
      await checks.record(target, { ok: true, latencyMs: 5, error: null }, 'UP', at);
    }
    await prune(now, 1);
    expect(await observability.db.serviceCheck.count({ where: { service: 'meals' } })).toBe(0);
    const hours = await observability.db.serviceCheckHourly.findMany({ where: { service: 'meals' } });
    expect(hours.map((h) => [h.checks, h.upChecks])).toEqual([[3, 3]]);
  });

  it('deletes activity entries older than ACTIVITY_RETENTION_DAYS, oldest first, and keeps the rest', async () => {
    const now = new Date();
    const entry = (daysAgo: number) => ({
      id: randomUUID(),
      source: 'stores',
      type: 'StoreCreated',
      aggregateType: 'Store',
      aggregateId: randomUUID(),
      payload: { daysAgo },
      occurredAt: new Date(now.getTime() - daysAgo * DAY),
    });
    await observability.db.activityEntry.createMany({ data: [181, 200, 365, 500, 179, 10, 0].map(entry) });
    const { removed, counted } = await prune(now, 3);
    expect(removed.ActivityEntry).toBe(4);
    expect(counted.ActivityEntry).toBe(4);
    const left = await observability.db.activityEntry.findMany({ orderBy: { occurredAt: 'asc' } });
    expect(left.map((e) => (e.payload as { daysAgo: number }).daysAgo)).toEqual([179, 10, 0]);
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
