import { randomBytes } from 'node:crypto';
import { createSimulator, type Simulator } from '../../../subgraphs/hardware/simulator/src/simulator.ts';
import { DEVICE_KINDS } from '../../../subgraphs/hardware/simulator/src/devices.ts';
import { createInternalClient, type CircuitBreakerList } from '@switchyard/shared';
import { bearer, codesOf, eventually, freePort, graphql, signedMetrics } from '@switchyard/testing';
import { login, registerHub, signedInAs } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

// Twelve devices on one hub, and `devices { hub { devices …` seven devices deep: 12^7 (35 million)
// devices, an answer no subgraph can finish, within the subgraph's own depth limit (15).
const DEVICES = 12;
const DEEP = `{ hubs { devices ${'{ hub { devices '.repeat(6)}{ id }${' } }'.repeat(6)} } }`;
const BREAKER_FAILURES = 2;
const SYSTEM_CALLER = { principal: null, requestId: 'cancellation-e2e', clientIp: null, userAgent: 'jest' };

/**
 * Issue 13: work ends when its caller gives up. Operation limits are raised far enough to let the
 * deep query through, so that what stops it is the cancellation: the gateway's timeout or the
 * client's disconnect aborts the subgraph call, and hardware stops resolving.
 */
describe.each(ONE_BACKEND)('cancellation of a subgraph operation whose caller gave up (%s)', (backend) => {
  let system: System;
  let simulator: Simulator;
  let admin: string;
  let viewer: string;
  // A second gateway with a short subgraph timeout (the first one's registers the hub, which takes longer).
  let impatient: { url: string; base: string };
  const hardware = () => system.services.find((service) => service.name === 'hardware')!;
  const hardwareMetric = async (pattern: RegExp) =>
    Number((await signedMetrics(hardware().baseUrl, system.secrets.internalSigningSecret)).match(pattern)?.[1] ?? 0);
  const inProgress = () => hardwareMetric(/^graphql_operations_in_progress(?:\{[^}]*\})? (\d+)/m);
  const stoppedFor = (reason: string) =>
    hardwareMetric(new RegExp(`^graphql_operations_stopped_total\\{[^}]*reason="${reason}"[^}]*\\} (\\d+)`, 'm'));
  const callersGone = () => stoppedFor('caller_gone');
  const hardwareBreaker = async () => {
    const client = createInternalClient({
      internalSigningSecret: system.secrets.internalSigningSecret,
      timeoutMs: 5_000,
    });
    try {
      const { breakers } = await client.callJson<CircuitBreakerList>(
        `${impatient.base}/internal/circuit-breakers`,
        SYSTEM_CALLER,
      );
      return breakers.find((breaker) => breaker.name === 'subgraph:hardware')!;
    } finally {
      await client.close();
    }
  };

  beforeAll(async () => {
    const accessToken = randomBytes(16).toString('hex');
    const kinds = Array.from({ length: DEVICES }, (_, i) => DEVICE_KINDS[i % DEVICE_KINDS.length]!);
    simulator = await createSimulator({ accessToken, port: await freePort(), devices: kinds });
    system = await startSystem(backend, {
      subgraphs: ['identity', 'hardware'],
      env: {
        // The gateway's limits raised: the depth bomb reaches hardware. Hardware's own field cap is
        // raised too: its default (50,000) stops this query within 300 ms on an idle machine, about
        // as soon as the impatient gateway gives up, so only the cancellation may stop it here.
        OPERATION_MAX_DEPTH: '40',
        SUBGRAPH_OPERATION_MAX_FIELDS: '5000000',
        // The query's estimated cost (100 devices assumed per list, seven lists deep) is ~2·10^15.
        OPERATION_MAX_COST: '9000000000000000',
        OPERATION_MAX_TOKENS: '10000',
        RATE_LIMIT_VIEWER: '9000000000000000',
        GATEWAY_BREAKER_FAILURES: String(BREAKER_FAILURES),
        REGISTER_SIMULATED_HUB: 'false',
      },
    });
    admin = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
    viewer = (await signedInAs(system.gatewayUrl, admin, 'VIEWER')).token;
    const { hub } = await registerHub(system.gatewayUrl, admin, {
      name: 'Deep',
      baseUrl: simulator.url,
      appId: simulator.appId,
      accessToken,
    });
    expect(hub.devices).toHaveLength(DEVICES);
    const port = await freePort();
    await system.startReplica('gateway', { PORT: String(port), SUBGRAPH_TIMEOUT_MS: '200' });
    impatient = { url: `http://127.0.0.1:${port}/graphql`, base: `http://127.0.0.1:${port}` };
  }, 180_000);
  afterAll(async () => {
    await system?.destroy();
    await simulator?.stop();
  });

  it('stops the subgraph when the gateway times out, and one caller’s timeouts do not open the breaker for others', async () => {
    const stoppedBefore = await callersGone();
    for (let i = 0; i <= BREAKER_FAILURES; i++) {
      const answer = await graphql(impatient.url, DEEP, {}, bearer(viewer));
      expect(codesOf(answer)).toEqual(['OPERATION_DEADLINE_EXCEEDED']);
    }
    // Hardware saw each connection close and stopped each operation.
    await eventually(async () => (await callersGone()) >= stoppedBefore + BREAKER_FAILURES + 1);
    await eventually(async () => (await inProgress()) === 0);
    expect(hardware().running).toBe(true);

    expect(await hardwareBreaker()).toMatchObject({ state: 'CLOSED', failures: 0 });
    // Another caller (through the patient gateway: 200 ms is short for anyone on a busy test machine).
    const other = await graphql(system.gatewayUrl, '{ hubs { name devices { id } } }', {}, bearer(admin));
    expect(other.errors).toBeUndefined();
    expect(other.data?.hubs).toEqual([{ name: 'Deep', devices: expect.any(Array) }]);
    expect(other.data?.hubs[0].devices).toHaveLength(DEVICES);
  });

  it('stops the subgraph when the client disconnects', async () => {
    const stoppedBefore = await callersGone();
    const cappedBefore = await stoppedFor('response_size');
    const client = new AbortController();
    // Through the patient gateway: only the client's leaving can stop it before the field cap.
    const answer = fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(viewer) },
      body: JSON.stringify({ query: DEEP }),
      signal: client.signal,
    });
    await eventually(async () => (await inProgress()) >= 1, 20_000, 10);
    client.abort();
    await expect(answer).rejects.toThrow();

    await eventually(async () => (await callersGone()) === stoppedBefore + 1);
    await eventually(async () => (await inProgress()) === 0);
    expect(await stoppedFor('response_size')).toBe(cappedBefore);
    expect(hardware().running).toBe(true);
  });
});
