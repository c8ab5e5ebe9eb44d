import {
  circuitBreakerStateChanged,
  createCircuitBreakers,
  processCircuitBreakers,
  resetProcessCircuitBreaker,
  type CircuitBreakerSnapshot,
  type CircuitBreakersOptions,
} from './circuit-breakers.ts';
import { eventually } from '@switchyard/testing';
import { ServiceUnavailableError } from './errors.ts';
import { processMetrics } from './process-metrics.ts';

class DependencyDown extends Error {}
class CallerMistake extends Error {}

const down = () => Promise.reject(new DependencyDown('connection refused'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setup(overrides: Partial<CircuitBreakersOptions> = {}) {
  const changes: CircuitBreakerSnapshot[] = [];
  const service = `svc-${Math.random().toString(36).slice(2, 8)}`;
  const breakers = createCircuitBreakers({
    service,
    failures: 2,
    halfOpenAfterMs: 100,
    countsError: (error) => error instanceof DependencyDown,
    onStateChange: (snapshot) => changes.push(snapshot),
    ...overrides,
  });
  return { breakers, changes, service };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

async function gauge(service: string, name: string): Promise<number | undefined> {
  const { values } = await processMetrics.circuitBreakerState.get();
  return values.find((v) => v.labels.service === service && v.labels.name === name)?.value;
}

describe('circuit breakers', () => {
  it('closes an open breaker on a manual reset, reporting the change, and lets calls through at once', async () => {
    const { breakers, changes, service } = setup({ halfOpenAfterMs: 600_000 });
    await failure(breakers.execute('hub', 'The hub', down));
    await failure(breakers.execute('hub', 'The hub', down));
    expect(breakers.snapshots()[0]).toMatchObject({ state: 'OPEN', failures: 2 });
    expect(resetProcessCircuitBreaker(service, 'nothing')).toBeNull();
    expect(resetProcessCircuitBreaker('another-service', 'hub')).toBeNull();
    expect(resetProcessCircuitBreaker(service, 'hub')).toMatchObject({
      service,
      name: 'hub',
      state: 'CLOSED',
      failures: 0,
    });
    expect(changes.map((change) => change.state)).toEqual(['OPEN', 'CLOSED']);
    await expect(breakers.execute('hub', 'The hub', async () => 'answered')).resolves.toBe('answered');
    // A closed breaker's count starts again from nothing.
    await failure(breakers.execute('hub', 'The hub', down));
    expect(breakers.reset('hub')).toMatchObject({ state: 'CLOSED', failures: 0 });
    expect(changes).toHaveLength(2);
  });

  it('opens after consecutive failures, fails fast saying when it retries, half-opens after the delay and closes on a success', async () => {
    const { breakers, changes, service } = setup();
    expect(await failure(breakers.execute('db', 'The database', down))).toBeInstanceOf(DependencyDown);
    expect(breakers.snapshots()).toEqual([
      { service, name: 'db', state: 'CLOSED', failures: 1, changedAt: null, createdAt: expect.any(Date) },
    ]);
    await failure(breakers.execute('db', 'The database', down));

    let calls = 0;
    const refused = await failure(breakers.execute('db', 'The database', async () => ++calls));
    expect(calls).toBe(0);
    expect(refused).toBeInstanceOf(ServiceUnavailableError);
    expect((refused as ServiceUnavailableError).extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: 1,
    });
    expect(refused.message).toMatch(/^The database keeps failing; it will be tried again at \d{4}-\d\d-\d\dT/);
    expect(breakers.snapshots()[0]).toMatchObject({ state: 'OPEN', failures: 2, changedAt: expect.any(Date) });
    expect(breakers.retryAt('db')!.getTime()).toBe(breakers.snapshots()[0]!.changedAt!.getTime() + 100);
    expect(await gauge(service, 'db')).toBe(2);

    // Past retryAt (halfOpenAfterMs, 100): the delay before the next try is what is tested.
    await sleep(150);
    await expect(breakers.execute('db', 'The database', async () => 'back')).resolves.toBe('back');
    expect(changes.map((c) => [c.service, c.name, c.state, c.failures])).toEqual([
      [service, 'db', 'OPEN', 2],
      [service, 'db', 'HALF_OPEN', 2],
      [service, 'db', 'CLOSED', 0],
    ]);
    expect(breakers.retryAt('db')).toBeNull();
    expect(await gauge(service, 'db')).toBe(0);
  });

  it("lets errors that are the caller's pass through without counting them", async () => {
    const { breakers, changes } = setup({ failures: 1 });
    for (let i = 0; i < 3; i++) {
      expect(
        await failure(breakers.execute('site', 'The site', () => Promise.reject(new CallerMistake('no recipe')))),
      ).toBeInstanceOf(CallerMistake);
    }
    expect(breakers.snapshots()[0]).toMatchObject({ state: 'CLOSED', failures: 0 });
    expect(changes).toEqual([]);
  });

  it('counts results that say the dependency failed, and still returns them', async () => {
    const { breakers } = setup({ countsResult: (result) => (result as { status: number }).status >= 500 });
    expect(await breakers.execute('api', 'The API', async () => ({ status: 503 }))).toEqual({ status: 503 });
    expect(await breakers.execute('api', 'The API', async () => ({ status: 502 }))).toEqual({ status: 502 });
    expect(await failure(breakers.execute('api', 'The API', async () => ({ status: 200 })))).toBeInstanceOf(
      ServiceUnavailableError,
    );
  });

  it('keeps one breaker per name, so one failing dependency does not stop the others', async () => {
    const { breakers } = setup({ failures: 1 });
    await failure(breakers.execute('a', 'A', down));
    await expect(breakers.execute('b', 'B', async () => 'ok')).resolves.toBe('ok');
    expect(breakers.snapshots().map((s) => [s.name, s.state])).toEqual([
      ['a', 'OPEN'],
      ['b', 'CLOSED'],
    ]);
    breakers.forget('a');
    await expect(breakers.execute('a', 'A', async () => 'fresh')).resolves.toBe('fresh');
  });

  it('bounds the set, forgetting the least recently used closed breaker before any open one', async () => {
    const { breakers, service } = setup({ failures: 1, maxBreakers: 3 });
    await failure(breakers.execute('open', 'Open', down));
    await breakers.execute('old', 'Old', async () => 1);
    await breakers.execute('recent', 'Recent', async () => 1);
    await breakers.execute('old', 'Old', async () => 1);
    await breakers.execute('new', 'New', async () => 1);
    expect(breakers.snapshots().map((s) => s.name)).toEqual(['new', 'old', 'open']);
    expect(await gauge(service, 'recent')).toBeUndefined();
    expect(await gauge(service, 'open')).toBe(2);
  });

  it('lists breakers made up front before their first call, with every other breaker of the process', async () => {
    const { breakers, service } = setup();
    const other = setup({ failures: 1 });
    breakers.prepare('smtp', 'db');
    expect(breakers.snapshots().map((s) => [s.name, s.state, s.failures, s.changedAt])).toEqual([
      ['db', 'CLOSED', 0, null],
      ['smtp', 'CLOSED', 0, null],
    ]);
    await failure(other.breakers.execute('site', 'The site', down));
    const listed = processCircuitBreakers().map((s) => [s.service, s.name, s.state]);
    expect(listed).toEqual(
      expect.arrayContaining([
        [service, 'db', 'CLOSED'],
        [service, 'smtp', 'CLOSED'],
        [other.service, 'site', 'OPEN'],
      ]),
    );
    expect(await gauge(service, 'smtp')).toBe(0);
  });

  it('describes a transition as an event whose aggregate is unique across services', () => {
    const changedAt = new Date('2026-01-02T03:04:05.000Z');
    expect(
      circuitBreakerStateChanged({
        service: 'gateway',
        name: 'subgraph:stores',
        state: 'OPEN',
        failures: 5,
        changedAt,
        createdAt: new Date('2026-01-01T00:00:00.000Z'),
      }),
    ).toEqual({
      type: 'CircuitBreakerStateChanged',
      aggregateType: 'CircuitBreaker',
      aggregateId: 'gateway:subgraph:stores',
      actor: { kind: 'system', id: null },
      payload: {
        service: 'gateway',
        name: 'subgraph:stores',
        state: 'OPEN',
        failures: 5,
        changedAt: '2026-01-02T03:04:05.000Z',
      },
    });
  });

  it('closes an open breaker as soon as its probe says the dependency is back, without waiting out the half-open delay', async () => {
    let back = false;
    const probed: string[] = [];
    const { breakers, changes } = setup({
      halfOpenAfterMs: 60_000,
      probe: {
        isBack: async (name) => {
          probed.push(name);
          return back;
        },
        everyMs: 10,
        maxEveryMs: 20,
      },
    });
    await failure(breakers.execute('db', 'The database', down));
    await failure(breakers.execute('db', 'The database', down));
    expect(breakers.snapshots()[0]).toMatchObject({ state: 'OPEN', failures: 2 });
    await eventually(async () => probed.length >= 3, 5_000, 5);
    expect(breakers.snapshots()[0]!.state).toBe('OPEN');

    back = true;
    await eventually(async () => breakers.snapshots()[0]!.state === 'CLOSED', 5_000, 5);
    expect(changes.map((c) => c.state)).toEqual(['OPEN', 'CLOSED']);
    expect(breakers.snapshots()[0]).toMatchObject({ state: 'CLOSED', failures: 0 });
    expect(await breakers.execute('db', 'The database', async () => 'answer')).toBe('answer');
    // Closed afresh: it takes the full count of failures to open it again.
    await failure(breakers.execute('db', 'The database', down));
    expect(breakers.snapshots()[0]!.state).toBe('CLOSED');
  });
});
