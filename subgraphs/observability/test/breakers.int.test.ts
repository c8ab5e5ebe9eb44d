import { randomUUID } from 'node:crypto';
import { eventChannel, type DomainEvent } from '@switchyard/shared';
import { TEST_BACKENDS, eventually, userPrincipal } from '@switchyard/testing';
import { startFakeServices, startObservability } from './support.ts';

const viewer = userPrincipal('VIEWER');
const BREAKERS = '{ circuitBreakers { service name state failures lastChangeAt } }';

const breakerChanged = (service: string, name: string, state: string, failures: number, changedAt: Date) =>
  ({
    id: randomUUID(),
    type: 'CircuitBreakerStateChanged',
    aggregateType: 'CircuitBreaker',
    aggregateId: `${service}:${name}`,
    sequence: 1,
    occurredAt: changedAt.toISOString(),
    actor: { kind: 'system', id: null },
    payload: { service, name, state, failures, changedAt: changedAt.toISOString() },
  }) satisfies DomainEvent;

describe.each(TEST_BACKENDS)('circuit breakers of every service (%s)', (backend) => {
  it('lists every breaker a service has, also those that never changed state, and drops those it no longer has', async () => {
    const fakes = await startFakeServices();
    const made = new Date(Date.now() - 60_000);
    fakes.state.breakers = [
      { service: 'gateway', name: 'subgraph:stores', state: 'CLOSED', failures: 0, since: made.toISOString() },
      { service: 'hardware', name: 'hubitat-hub:1', state: 'CLOSED', failures: 2, since: made.toISOString() },
      { service: 'hardware', name: 'hubitat-hub:2', state: 'CLOSED', failures: 0, since: made.toISOString() },
    ];
    const observability = await startObservability(backend, {
      ...fakes.env,
      MONITORED_SERVICES: 'stores',
      CHECK_INTERVAL_MS: '300',
      ACTIVITY_POLL_MS: '200',
    });
    const list = async () => (await observability.call(viewer, BREAKERS)).data!.circuitBreakers;
    // Each of the five other services (the fake answers for all) was asked twice more: a whole check round passed.
    const listedAgain = async () => {
      const asked = fakes.state.breakerLists;
      await eventually(async () => fakes.state.breakerLists >= asked + 10);
    };
    try {
      observability.startJobs();
      expect(await eventually(async () => (await list()).length === 3 && list())).toEqual([
        { service: 'gateway', name: 'subgraph:stores', state: 'CLOSED', failures: 0, lastChangeAt: made.toISOString() },
        { service: 'hardware', name: 'hubitat-hub:1', state: 'CLOSED', failures: 2, lastChangeAt: made.toISOString() },
        { service: 'hardware', name: 'hubitat-hub:2', state: 'CLOSED', failures: 0, lastChangeAt: made.toISOString() },
      ]);

      // A change heard after the service's list was taken is newer than the list: it stays.
      const opened = new Date();
      await observability.bus.publish(
        eventChannel('CircuitBreaker'),
        breakerChanged('hardware', 'hubitat-hub:1', 'OPEN', 5, opened),
      );
      const hub = async () => (await list()).find((b: any) => b.name === 'hubitat-hub:1');
      expect(await eventually(async () => (await hub())?.state === 'OPEN' && hub())).toMatchObject({
        failures: 5,
        lastChangeAt: opened.toISOString(),
      });
      await listedAgain();
      expect((await hub()).state).toBe('OPEN');

      // The service's own list catches up; a removed hub's breaker is gone from it, and from here.
      const closed = new Date();
      fakes.state.breakers = [
        { service: 'gateway', name: 'subgraph:stores', state: 'CLOSED', failures: 1, since: made.toISOString() },
        { service: 'hardware', name: 'hubitat-hub:1', state: 'CLOSED', failures: 0, since: closed.toISOString() },
      ];
      const after = await eventually(async () => {
        const breakers = await list();
        return breakers.length === 2 && breakers[1].state === 'CLOSED' && breakers;
      });
      expect(after).toEqual([
        { service: 'gateway', name: 'subgraph:stores', state: 'CLOSED', failures: 1, lastChangeAt: made.toISOString() },
        {
          service: 'hardware',
          name: 'hubitat-hub:1',
          state: 'CLOSED',
          failures: 0,
          lastChangeAt: closed.toISOString(),
        },
      ]);

      // A service that does not answer keeps what was known of its breakers.
      fakes.state.breakers = null;
      await listedAgain();
      expect(await list()).toEqual(after);
    } finally {
      await observability.stop();
      await fakes.close();
    }
  });
});
