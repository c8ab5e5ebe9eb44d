import { randomBytes } from 'node:crypto';
import { bearer, codeOf, eventually, freePort, graphql } from '@switchyard/testing';
import { createSimulator, type Simulator } from '../../../subgraphs/hardware/simulator/src/simulator.ts';
import { login, registerHub } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const FIRING = '{ alerts(status: FIRING) { edges { node { subject summary rule { name } } } } }';
const RESET = `mutation ($service: String!, $name: String!, $reason: String!) {
  resetCircuitBreaker(service: $service, name: $name, reason: $reason) { service name state failures }
}`;
const RESETS = `{ activity(first: 10, filter: { kinds: ["CircuitBreakerReset"] }) { edges { node { kind source details actor { id } } } } }`;

describe.each(ONE_BACKEND)('device alerts and manual breaker resets through the gateway (%s)', (backend) => {
  let system: System;
  let simulator: Simulator;
  let token: string;
  const accessToken = randomBytes(16).toString('hex');
  const gql = (query: string, variables: Record<string, unknown> = {}) =>
    graphql(system.gatewayUrl, query, variables, bearer(token));

  beforeAll(async () => {
    simulator = await createSimulator({ accessToken, port: await freePort() });
    system = await startSystem(backend, {
      subgraphs: ['identity', 'stores', 'hardware', 'observability'],
      env: {
        MONITORED_SERVICES: 'gateway',
        CHECK_INTERVAL_MS: '1000',
        ACTIVITY_POLL_MS: '500',
        SEED_DEMO_DATA: 'false',
        // Registering a hub imports its devices: on a busy machine that takes longer than the default.
        SUBGRAPH_TIMEOUT_MS: '60000',
      },
    });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  }, 300_000);
  afterAll(async () => {
    await simulator?.stop();
    await system?.destroy();
  });

  it('fires the default Low battery alert when a simulated sensor’s battery drops below 20 %', async () => {
    await eventually(async () => (await gql('{ hubs { id } }')).errors === undefined, 60_000);
    const { hub } = await registerHub(system.gatewayUrl, token, {
      name: 'Cellar',
      baseUrl: simulator.url,
      appId: simulator.appId,
      accessToken,
    });
    const sensor = [...simulator.devices.values()].find((device) => 'battery' in device.attributes)!;
    const registered = hub.devices.find((device: any) => device.hubDeviceId === sensor.id);
    simulator.setBattery(sensor.id, 12);
    const alert = await eventually(async () => {
      const firing = (await gql(FIRING)).data?.alerts.edges.map((e: any) => e.node) ?? [];
      return firing.find((a: any) => a.rule.name === 'Low battery');
    }, 90_000);
    expect(alert).toEqual({
      subject: `device:${registered.id}`,
      summary: `${sensor.label} battery at 12 %`,
      rule: { name: 'Low battery' },
    });
  });

  it('resets a gateway breaker on an admin’s word, with the reason in the activity feed', async () => {
    const breaker = { service: 'gateway', name: 'subgraph:stores' };
    const blank = await gql(RESET, { ...breaker, reason: '' });
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    const reset = await gql(RESET, { ...breaker, reason: 'stores redeployed' });
    expect(reset.errors).toBeUndefined();
    expect(reset.data.resetCircuitBreaker).toEqual({ ...breaker, state: 'CLOSED', failures: 0 });
    const entries = (await gql(RESETS)).data.activity.edges.map((e: any) => e.node);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'CircuitBreakerReset', source: 'observability' });
    expect(JSON.parse(entries[0].details)).toMatchObject({ ...breaker, reason: 'stores redeployed' });
    expect(entries[0].actor.id).toBeTruthy();
  });
});
