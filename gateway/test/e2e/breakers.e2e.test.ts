import { createInternalClient, eventFeedRoute, type DomainEvent } from '@switchyard/shared';
import { eventually, bearer, graphql } from '@switchyard/testing';
import { login } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const STORES = '{ stores(first: 1) { totalCount } }';
const BREAKERS = '{ circuitBreakers { service name state failures lastChangeAt } }';
const SYSTEM_CALLER = { principal: null, requestId: 'breakers-e2e', clientIp: null, userAgent: 'jest' };

describe.each(ONE_BACKEND)('circuit breakers of the gateway (%s)', (backend) => {
  let system: System;
  let token: string;
  const gql = (query: string) => graphql(system.gatewayUrl, query, {}, bearer(token));
  const gatewayBreaker = async (state: string) =>
    (await gql(BREAKERS)).data?.circuitBreakers.find(
      (b: any) => b.service === 'gateway' && b.name === 'subgraph:stores' && b.state === state,
    );

  beforeAll(async () => {
    system = await startSystem(backend, {
      subgraphs: ['identity', 'stores', 'observability'],
      env: {
        GATEWAY_BREAKER_FAILURES: '2',
        // Longer than the test: only the readiness probe can close the breaker in time.
        GATEWAY_BREAKER_HALF_OPEN_MS: '600000',
        ACTIVITY_POLL_MS: '500',
        SEED_DEMO_DATA: 'false',
        MONITORED_SERVICES: 'gateway',
      },
    });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  }, 120_000);
  afterAll(async () => {
    await system?.destroy();
  });

  it('opens the stores breaker while stores is down, fails its fields fast, reports it to observability, and closes as soon as stores is ready again', async () => {
    expect((await gql(STORES)).data?.stores.totalCount).toBe(0);
    const stores = system.services.find((s) => s.name === 'stores')!;
    await stores.stop();

    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await gql(STORES));
    for (const answer of answers) {
      expect(answer.errors).toHaveLength(1);
      expect(Object.keys(answer.errors![0]!.extensions!)).not.toContain('stacktrace');
      expect(answer.errors![0]!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    }
    expect(answers.map((a) => a.errors![0]!.message)).toEqual([
      'The stores subgraph cannot be reached',
      'The stores subgraph cannot be reached',
      expect.stringMatching(/^The stores subgraph keeps failing; it will be tried again at /),
      expect.stringMatching(/^The stores subgraph keeps failing; it will be tried again at /),
    ]);
    expect(answers[3]!.errors![0]!.extensions!.retryAfterSeconds).toEqual(expect.any(Number));

    // Other subgraphs' fields are unaffected, and observability lists the gateway's breaker.
    const open = await eventually(() => gatewayBreaker('OPEN'));
    expect(open).toMatchObject({ failures: 2, lastChangeAt: expect.any(String) });

    await stores.start();
    // The gateway probes stores' /ready while the breaker is open and closes it once stores answers:
    // no query, and no waiting out the half-open delay.
    const closed = await eventually(() => gatewayBreaker('CLOSED'));
    expect((await gql(STORES)).data?.stores.totalCount).toBe(0);
    expect(Date.parse(closed.lastChangeAt)).toBeGreaterThan(Date.parse(open.lastChangeAt));

    // The gateway's own feed (what observability polls) has every transition, behind the internal signature.
    const gatewayBase = system.gatewayUrl.replace(/\/graphql$/, '');
    expect((await fetch(`${gatewayBase}${eventFeedRoute.path}`)).status).toBe(401);
    const client = createInternalClient({
      internalSigningSecret: system.secrets.internalSigningSecret,
      timeoutMs: 5_000,
    });
    try {
      const { events } = await client.callJson<{
        events: DomainEvent<{ service: string; name: string; state: string }>[];
      }>(`${gatewayBase}${eventFeedRoute.path}?after=1970-01-01T00:00:00.000Z`, SYSTEM_CALLER);
      expect(events.map((e) => [e.aggregateId, e.payload.state])).toEqual([
        ['gateway:subgraph:stores', 'OPEN'],
        ['gateway:subgraph:stores', 'CLOSED'],
      ]);
    } finally {
      await client.close();
    }
  });
});
