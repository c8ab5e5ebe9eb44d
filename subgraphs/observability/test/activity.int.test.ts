import { randomUUID } from 'node:crypto';
import { eventChannel, type DomainEvent } from '@switchyard/shared';
import { TEST_BACKENDS, userPrincipal } from '@switchyard/shared/testing';
import { eventually, startFakeServices, startObservability } from './support.ts';

const viewer = userPrincipal('VIEWER');
const admin = userPrincipal('ADMIN');
let clock = Date.now() - 60_000;
const event = (type: string, aggregateType: string, aggregateId: string, payload: object, actor: DomainEvent['actor'] = { kind: 'system', id: null }): DomainEvent => ({
  id: randomUUID(), type, aggregateType, aggregateId, sequence: 1, occurredAt: new Date((clock += 10)).toISOString(), actor, payload,
});

const ACTIVITY = `query ($filter: ActivityFilter, $first: Int, $after: String) {
  activity(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind source store { id } actor { id } } } }
}`;

describe.each(TEST_BACKENDS)('activity feed and projections (%s)', (backend) => {
  it('catches up from each source once, follows the bus, and keeps breakers, hubs and store counts', async () => {
    const fakes = await startFakeServices();
    const storeId = randomUUID();
    const user = randomUUID();
    const created = event('StoreCreated', 'Store', storeId, { storeId, status: 'DRAFT', changedFields: [] }, { kind: 'user', id: user });
    const moved = event('StoreStatusChanged', 'Store', storeId, { storeId, status: 'PROVISIONING', from: 'DRAFT', to: 'PROVISIONING' }, { kind: 'user', id: user });
    const hub = event('HubStatusChanged', 'Hub', 'hub-1', { hubId: 'hub-1', storeId, status: 'OFFLINE', previousStatus: 'ONLINE', reason: 'timed out', changedAt: new Date(clock).toISOString() });
    fakes.state.events = [created, moved, hub];
    const observability = await startObservability(backend, { ...fakes.env, MONITORED_SERVICES: 'stores', ACTIVITY_POLL_MS: '200', CHECK_INTERVAL_MS: '300' });
    try {
      await observability.call(admin, 'mutation { createAlertRule(input: { name: "breaker", kind: BREAKER_OPEN, forSeconds: 0 }) { id } }');
      observability.startJobs();
      // Every source is the same fake here (so `source` is whichever answered first): each event is offered five times (the gateway is a source too), stored once.
      await eventually(async () => (await observability.call(viewer, ACTIVITY)).data?.activity.totalCount === 3);
      const breaker = event('CircuitBreakerStateChanged', 'CircuitBreaker', 'hub:hub-1', { name: 'hub:hub-1', service: 'hardware', state: 'OPEN', failures: 5, changedAt: new Date().toISOString() });
      await observability.bus.publish(eventChannel('CircuitBreaker'), breaker);
      await observability.bus.publish(eventChannel('CircuitBreaker'), breaker);

      const breakers = await eventually(async () => {
        const list = (await observability.call(viewer, '{ circuitBreakers { service name state failures lastChangeAt } }')).data?.circuitBreakers;
        return list?.length ? list : null;
      });
      expect(breakers).toEqual([{ service: 'hardware', name: 'hub:hub-1', state: 'OPEN', failures: 5, lastChangeAt: expect.any(String) }]);
      const alert = await eventually(async () => (await observability.call(viewer, '{ alerts(status: FIRING) { edges { node { subject } } } }')).data?.alerts.edges[0]?.node);
      expect(alert.subject).toBe('hardware/hub:hub-1');

      const page = (await observability.call(viewer, ACTIVITY, { filter: { storeId }, first: 1 })).data!.activity;
      expect(page).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      expect(page.edges[0].node).toEqual({ id: hub.id, kind: 'HubStatusChanged', source: expect.any(String), store: { id: storeId }, actor: null });
      const next = (await observability.call(viewer, ACTIVITY, { filter: { storeId }, first: 5, after: page.pageInfo.endCursor })).data!.activity;
      expect(next.edges.map((e: any) => e.node.id)).toEqual([moved.id, created.id]);
      const byActor = (await observability.call(viewer, ACTIVITY, { filter: { actorId: user, kinds: ['StoreCreated'] } })).data!.activity;
      expect(byActor.edges.map((e: any) => e.node.actor.id)).toEqual([user]);

      const overview = (await observability.call(viewer, '{ overview { storesByStatus { status count } hubsOffline firingAlerts eventsLastHour } }')).data!.overview;
      expect(overview).toEqual({ storesByStatus: [{ status: 'PROVISIONING', count: 1 }], hubsOffline: 1, firingAlerts: 1, eventsLastHour: 4 });
      expect(await observability.db.outboxEvent.count({ where: { aggregateType: 'Activity' } })).toBe(4);
    } finally {
      await observability.stop();
      await fakes.close();
    }
  });
});
