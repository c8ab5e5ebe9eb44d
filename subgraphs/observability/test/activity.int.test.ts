import { randomUUID } from 'node:crypto';
import { eventChannel, type DomainEvent } from '@switchyard/shared';
import { TEST_BACKENDS, eventually, userPrincipal } from '@switchyard/testing';
import { startFakeServices, startObservability } from './support.ts';

const viewer = userPrincipal('VIEWER');
const admin = userPrincipal('ADMIN');
let clock = Date.now() - 60_000;
const event = (
  type: string,
  aggregateType: string,
  aggregateId: string,
  payload: object,
  actor: DomainEvent['actor'] = { kind: 'system', id: null },
): DomainEvent => ({
  id: randomUUID(),
  type,
  aggregateType,
  aggregateId,
  sequence: 1,
  occurredAt: new Date((clock += 10)).toISOString(),
  actor,
  payload,
});

const ACTIVITY = `query ($filter: ActivityFilter, $first: Int, $after: String) {
  activity(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind source store { id } actor { id } } } }
}`;

describe.each(TEST_BACKENDS)('activity feed and projections (%s)', (backend) => {
  it('catches up from each source once, follows the bus, and keeps breakers, hubs and store counts', async () => {
    const fakes = await startFakeServices();
    const storeId = randomUUID();
    const user = randomUUID();
    const created = event(
      'StoreCreated',
      'Store',
      storeId,
      { storeId, status: 'DRAFT', changedFields: [] },
      { kind: 'user', id: user },
    );
    const moved = event(
      'StoreStatusChanged',
      'Store',
      storeId,
      { storeId, status: 'PROVISIONING', from: 'DRAFT', to: 'PROVISIONING' },
      { kind: 'user', id: user },
    );
    const hub = event('HubStatusChanged', 'Hub', 'hub-1', {
      hubId: 'hub-1',
      storeId,
      status: 'OFFLINE',
      previousStatus: 'ONLINE',
      reason: 'timed out',
      changedAt: new Date(clock).toISOString(),
    });
    fakes.state.events = [created, moved, hub];
    const observability = await startObservability(backend, {
      ...fakes.env,
      MONITORED_SERVICES: 'stores',
      ACTIVITY_POLL_MS: '200',
      CHECK_INTERVAL_MS: '300',
    });
    try {
      await observability.call(
        admin,
        'mutation { createAlertRule(input: { name: "breaker", kind: BREAKER_OPEN, forSeconds: 0 }) { id } }',
      );
      observability.startJobs();
      // Every source is the same fake here: each event is offered five times (the gateway is a source too), stored once, under the service it describes.
      await eventually(async () => (await observability.call(viewer, ACTIVITY)).data?.activity.totalCount === 3);
      const breaker = event('CircuitBreakerStateChanged', 'CircuitBreaker', 'hub:hub-1', {
        name: 'hub:hub-1',
        service: 'hardware',
        state: 'OPEN',
        failures: 5,
        changedAt: new Date().toISOString(),
      });
      await observability.bus.publish(eventChannel('CircuitBreaker'), breaker);
      await observability.bus.publish(eventChannel('CircuitBreaker'), breaker);

      const breakers = await eventually(async () => {
        const list = (
          await observability.call(viewer, '{ circuitBreakers { service name state failures lastChangeAt } }')
        ).data?.circuitBreakers;
        return list?.length ? list : null;
      });
      expect(breakers).toEqual([
        { service: 'hardware', name: 'hub:hub-1', state: 'OPEN', failures: 5, lastChangeAt: expect.any(String) },
      ]);
      const alert = await eventually(
        async () =>
          (await observability.call(viewer, '{ alerts(status: FIRING) { edges { node { subject } } } }')).data?.alerts
            .edges[0]?.node,
      );
      expect(alert.subject).toBe('hardware/hub:hub-1');

      const page = (await observability.call(viewer, ACTIVITY, { filter: { storeId }, first: 1 })).data!.activity;
      expect(page).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      expect(page.edges[0].node).toEqual({
        id: hub.id,
        kind: 'HubStatusChanged',
        source: expect.any(String),
        store: { id: storeId },
        actor: null,
      });
      const next = (
        await observability.call(viewer, ACTIVITY, { filter: { storeId }, first: 5, after: page.pageInfo.endCursor })
      ).data!.activity;
      expect(next.edges.map((e: any) => e.node.id)).toEqual([moved.id, created.id]);
      const byActor = (
        await observability.call(viewer, ACTIVITY, { filter: { actorId: user, kinds: ['StoreCreated'] } })
      ).data!.activity;
      expect(byActor.edges.map((e: any) => e.node.actor.id)).toEqual([user]);

      const overview = (
        await observability.call(
          viewer,
          '{ overview { storesByStatus { status count } hubsOffline firingAlerts eventsLastHour } }',
        )
      ).data!.overview;
      expect(overview).toEqual({
        storesByStatus: [{ status: 'PROVISIONING', count: 1 }],
        hubsOffline: 1,
        firingAlerts: 1,
        eventsLastHour: 4,
      });
      expect(await observability.db.outboxEvent.count({ where: { aggregateType: 'Activity' } })).toBe(4);
    } finally {
      await observability.stop();
      await fakes.close();
    }
  });

  it('shows each event kind only to those who may read what it describes, queried and live', async () => {
    const fakes = await startFakeServices();
    const [ours, theirs] = [randomUUID(), randomUUID()];
    const member = userPrincipal('VIEWER');
    const outsider = userPrincipal('VIEWER');
    const boss = userPrincipal('ADMIN');
    fakes.state.households = { [member.userId]: ours };
    const storeId = randomUUID();
    const householdEvent = (type: string, aggregateType: string, householdId: string) =>
      event(type, aggregateType, randomUUID(), { householdId, kind: type }, { kind: 'user', id: member.userId });
    // One event of every kind the feed records, with who may read it.
    const everyone = [
      event('StoreCreated', 'Store', storeId, { storeId, status: 'DRAFT', changedFields: [] }),
      event('HubStatusChanged', 'Hub', 'hub-9', { hubId: 'hub-9', storeId, status: 'ONLINE' }),
      event('DeviceEventReceived', 'Device', 'dev-1', { storeId, name: 'switch', value: 'on' }),
      event('AssetAllocated', 'Asset', 'asset-1', { assetId: 'asset-1', storeId }),
    ];
    const oursOnly = [
      householdEvent('ShoppingItemAdded', 'ShoppingItem', ours),
      householdEvent('ShoppingItemToggled', 'ShoppingItem', ours),
      householdEvent('MealPlanEntrySet', 'MealPlanSlot', ours),
      householdEvent('MealPlanEntryRemoved', 'MealPlanSlot', ours),
      householdEvent('RecipeImported', 'Recipe', ours),
    ];
    const theirsOnly = ['ShoppingItemAdded', 'MealPlanEntrySet', 'RecipeImported'].map((type) =>
      householdEvent(type, type === 'ShoppingItemAdded' ? 'ShoppingItem' : 'Recipe', theirs),
    );
    const adminsOnly = [
      event('UserLoggedIn', 'User', member.userId, { userId: member.userId, sessionId: randomUUID() }),
      event('SessionRevoked', 'Session', randomUUID(), { userId: member.userId, reason: 'logout' }),
    ];
    fakes.state.events = [...everyone, ...oursOnly, ...theirsOnly];
    // Identity on its own: its events are the ones about users.
    const identity = await startFakeServices();
    identity.state.events = adminsOnly;
    const observability = await startObservability(backend, {
      ...fakes.env,
      IDENTITY_URL: (identity.env as Record<string, string>).IDENTITY_URL!,
      MONITORED_SERVICES: 'stores',
      ACTIVITY_POLL_MS: '200',
      ACTIVITY_DEVICE_SIGNIFICANCE: 'low',
    });
    const ids = async (principal: typeof member) =>
      new Set(
        (
          await observability.call(principal, '{ activity(first: 100) { edges { node { id } } } }')
        ).data!.activity.edges.map((e: any) => e.node.id),
      );
    try {
      observability.startJobs();
      await eventually(async () => (await observability.db.activityEntry.count()) === 14);
      const idsOf = (...lists: DomainEvent[][]) =>
        lists
          .flat()
          .map((e) => e.id)
          .sort();

      expect([...(await ids(member))].sort()).toEqual(idsOf(everyone, oursOnly));
      expect([...(await ids(outsider))].sort()).toEqual(idsOf(everyone));
      // An admin sees sign-ins and sessions, but not inside households they are not in (meals hides them too).
      expect([...(await ids(boss))].sort()).toEqual(idsOf(everyone, adminsOnly));
    } finally {
      await observability.stop();
      await fakes.close();
      await identity.close();
    }
  });
});
