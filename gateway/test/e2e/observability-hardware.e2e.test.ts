import { randomBytes } from 'node:crypto';
import { bearer, codeOf, eventually, freePort, graphql, signedMetrics } from '@switchyard/testing';
import { createSimulator, type Simulator } from '../../../subgraphs/hardware/simulator/src/simulator.ts';
import { SEND_COMMAND, registerHub, login, createStore } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

describe.each(ONE_BACKEND)('observability of the hardware subgraph (%s)', (backend) => {
  let system: System;
  let simulator: Simulator;
  let shop: Simulator | undefined;
  let token: string;
  const accessToken = randomBytes(16).toString('hex');
  const gql = (query: string, variables: Record<string, unknown> = {}) =>
    graphql(system.gatewayUrl, query, variables, bearer(token));

  beforeAll(async () => {
    simulator = await createSimulator({ accessToken, port: await freePort() });
    system = await startSystem(backend, {
      subgraphs: ['identity', 'stores', 'hardware', 'observability'],
      env: {
        HUB_TIMEOUT_MS: '1000',
        HUB_POLL_INTERVAL_MS: '1000',
        HUB_BREAKER_FAILURES: '2',
        HUB_BREAKER_HALF_OPEN_MS: '60000',
        MONITORED_SERVICES: 'hardware',
        CHECK_INTERVAL_MS: '1000',
        ACTIVITY_POLL_MS: '500',
        SEED_DEMO_DATA: 'false',
      },
    });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  }, 120_000);
  afterAll(async () => {
    await simulator?.stop();
    await shop?.stop();
    await system?.destroy();
  });

  it('shows the hub breaker OPEN when the hub is gone, and fires the breaker, hub and error-rate alerts', async () => {
    for (const input of [
      '{ name: "breaker open", kind: BREAKER_OPEN, forSeconds: 0 }',
      '{ name: "hub offline", kind: HUB_OFFLINE, forSeconds: 0 }',
      '{ name: "hardware errors", kind: ERROR_RATE, target: "hardware", thresholdPercent: 50, forSeconds: 120 }',
    ]) {
      expect((await gql(`mutation { createAlertRule(input: ${input}) { id } }`)).errors).toBeUndefined();
    }
    const store = await createStore(system.gatewayUrl, token);
    const { hub } = await registerHub(system.gatewayUrl, token, {
      name: 'Till',
      baseUrl: simulator.url,
      appId: simulator.appId,
      accessToken,
      storeId: store.id,
    });
    const hubRow = async () =>
      (await gql('{ services { name kind status error } }')).data?.services.find((s: any) => s.kind === 'HUB');
    expect(await eventually(hubRow)).toEqual({ name: 'hub:Till', kind: 'HUB', status: 'UP', error: null });
    const figures = '{ overview { hubsOffline devicesOnline devicesTotal } }';
    expect((await gql(figures)).data.overview).toEqual({
      hubsOffline: 0,
      devicesOnline: simulator.devices.size,
      devicesTotal: simulator.devices.size,
    });
    // The error rate is an increase between two scrapes of hardware's counters: one taken before the
    // failures is the baseline (on a loaded machine the first successful scrape can come late).
    const healthyFrom = Date.now();
    await eventually(async () => {
      const services = (await gql('{ services { name status lastCheckedAt } }')).data?.services ?? [];
      const hardware = services.find((s: any) => s.name === 'hardware');
      return hardware?.status === 'UP' && Date.parse(hardware.lastCheckedAt) > healthyFrom;
    }, 30_000);
    await simulator.stop();
    // Commands and the hardware subgraph's own polling both fail against the stopped hub; the
    // commands are SERVICE_UNAVAILABLE, so most of hardware's recent operations are server errors.
    const light = hub.devices.find((device: any) => device.commands.some((command: any) => command.name === 'on'));
    for (let i = 0; i < 15; i += 1) {
      expect(codeOf(await gql(SEND_COMMAND, { deviceId: light.id, command: 'on' }))).toBe('SERVICE_UNAVAILABLE');
    }

    // Those were hardware's own GraphQL answers about one hub: the rest of hardware stays reachable.
    expect((await gql('{ hubs { id } }')).errors).toBeUndefined();

    const breaker = await eventually(
      async () =>
        (await gql('{ circuitBreakers { service name state failures lastChangeAt } }')).data?.circuitBreakers.find(
          (b: any) => b.name.includes(hub.id) && b.state === 'OPEN',
        ),
      30_000,
    );
    expect(breaker).toMatchObject({ service: 'hardware', state: 'OPEN' });
    expect((await gql('{ circuitBreakers { service name state } }')).data.circuitBreakers).not.toContainEqual({
      service: 'gateway',
      name: 'subgraph:hardware',
      state: 'OPEN',
    });
    // What fired by the deadline, so a failure says which alert is missing.
    let firing: { subject: string; rule: { name: string } }[] = [];
    const expected = [
      { rule: { name: 'breaker open' }, subject: `hardware/${breaker.name}` },
      { rule: { name: 'hub offline' }, subject: hub.id },
    ];
    await eventually(async () => {
      firing = (
        (await gql('{ alerts(status: FIRING) { edges { node { subject rule { name } } } } }')).data?.alerts.edges ?? []
      ).map((e: any) => e.node);
      return expected.every((alert) => firing.some((f) => f.rule.name === alert.rule.name));
    }, 30_000).catch(() => undefined);
    expect(firing).toEqual(expect.arrayContaining(expected));
    // The error rate is measured from hardware's /metrics at each check: it fired once the failed
    // commands were counted (it may have resolved since, as successes come in).
    const errorRate = await eventually(async () => {
      const alerts =
        (await gql('{ alerts { edges { node { subject firedAt rule { name } } } } }')).data?.alerts.edges ?? [];
      return alerts
        .map((e: any) => e.node)
        .find((alert: any) => alert.rule.name === 'hardware errors' && alert.firedAt);
    }, 60_000).catch(async () => {
      const counts = (await signedMetrics(system.subgraphUrls.hardware!, system.secrets.internalSigningSecret))
        .split('\n')
        .filter((line) => line.startsWith('graphql_operations_total'));
      const breakers = JSON.stringify(
        (await gql('{ circuitBreakers { service name state failures } }')).data?.circuitBreakers,
      );
      throw new Error(`the error-rate alert never fired; hardware counts ${counts.join(' | ')}; breakers ${breakers}`);
    });
    expect(errorRate).toMatchObject({ subject: 'hardware' });
    expect((await gql(figures)).data.overview).toEqual({
      hubsOffline: 1,
      devicesOnline: 0,
      devicesTotal: simulator.devices.size,
    });
    expect(await eventually(async () => (await hubRow())?.status === 'DOWN' && hubRow())).toEqual({
      name: 'hub:Till',
      kind: 'HUB',
      status: 'DOWN',
      error: 'the hub is offline',
    });
  });
  it('HSM armed away: an opened contact is an intrusion alert on the hub (and in the activity feed); disarming resolves it', async () => {
    expect(
      (await gql('mutation { createAlertRule(input: { name: "intrusion", kind: HSM_ALERT }) { id } }')).errors,
    ).toBeUndefined();
    shop = await createSimulator({ accessToken, port: await freePort(), devices: ['contact'] });
    const store = await createStore(system.gatewayUrl, token);
    const { hub } = await registerHub(system.gatewayUrl, token, {
      name: 'Shop door',
      baseUrl: shop.url,
      appId: shop.appId,
      accessToken,
      storeId: store.id,
    });
    const armed = await gql('mutation($h: ID!) { setHsm(hubId: $h, arm: ARM_AWAY) { hsmStatus } }', { h: hub.id });
    expect(armed.data?.setHsm).toEqual({ hsmStatus: 'ARMED_AWAY' });
    shop.setAttribute('1', 'contact', 'open');

    const intrusion = async (status: string) =>
      (
        (await gql(`{ alerts(status: ${status}) { edges { node { subject summary rule { name } } } } }`)).data?.alerts
          .edges ?? []
      )
        .map((e: any) => e.node)
        .find((alert: any) => alert.rule.name === 'intrusion' && alert.subject === hub.id);
    expect(await eventually(() => intrusion('FIRING'), 30_000)).toEqual({
      subject: hub.id,
      summary: 'Intrusion alert at hub Shop door',
      rule: { name: 'intrusion' },
    });
    const feed = await eventually(async () => {
      const entries = (await gql('{ activity(first: 100) { edges { node { kind details } } } }')).data?.activity.edges;
      return entries
        ?.map((e: any) => ({ kind: e.node.kind, details: JSON.parse(e.node.details) }))
        .find((entry: any) => entry.kind === 'HubEventRecorded' && entry.details.value === 'intrusion');
    }, 30_000);
    expect(feed.details).toMatchObject({ hubId: hub.id, storeId: store.id, kind: 'HSM_ALERT' });

    const disarmed = await gql('mutation($h: ID!) { setHsm(hubId: $h, arm: DISARM) { hsmStatus } }', { h: hub.id });
    expect(disarmed.data?.setHsm).toEqual({ hsmStatus: 'DISARMED' });
    expect(await eventually(() => intrusion('RESOLVED'), 30_000)).toMatchObject({ subject: hub.id });
  });
});
