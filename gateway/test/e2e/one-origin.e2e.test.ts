import { randomBytes } from 'node:crypto';
import { createSimulator, type Simulator } from '../../../subgraphs/hardware/simulator/src/simulator.ts';
import { HUBITAT_EVENTS_PREFIX } from '@switchyard/shared/hubitat-events';
import { bearer, collect, eventually, freePort, graphql, subscriptionClient } from '@switchyard/testing';
import { createStore, login, registerHub } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const DEVICE_EVENTS = 'subscription ($id: ID) { deviceEvent(deviceId: $id) { name value device { label } } }';

// Everything a hub and a browser need is on the web server's origin: hubs are told to post there,
// and the post reaches hardware and, through the gateway, a subscriber on the same origin.
describe.each(ONE_BACKEND)('one public origin: hub events through the web server (%s)', (backend) => {
  let system: System;
  let simulator: Simulator;
  let admin: string;
  let contact: { id: string; hubDeviceId: string };
  const accessToken = randomBytes(16).toString('hex');
  const web = () => system.webUrl!;
  const service = (name: string) => system.services.find((s) => s.name === name)!;

  beforeAll(async () => {
    simulator = await createSimulator({ accessToken, port: await freePort() });
    system = await startSystem(backend, { subgraphs: ['identity', 'stores', 'hardware'], web: true });
    admin = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
    const store = await createStore(system.gatewayUrl, admin);
    const { hub } = await registerHub(system.gatewayUrl, admin, {
      name: 'Back office',
      baseUrl: simulator.url,
      appId: simulator.appId,
      accessToken,
      storeId: store.id,
    });
    contact = (hub.devices as { id: string; hubDeviceId: string; label: string }[]).find(
      (d) => d.label === 'Front Door Contact',
    )!;
  }, 300_000);
  afterAll(async () => {
    await simulator?.stop();
    await system?.destroy();
  });

  it("tells the hub to post to the web origin (PUBLIC_URL's default), not to hardware's port", () => {
    expect(simulator.postUrl!.startsWith(`${web()}${HUBITAT_EVENTS_PREFIX}`)).toBe(true);
  });

  it('a hub event posted to the web origin reaches a subscriber on the same origin and the device state', async () => {
    const client = subscriptionClient(`${web()}/graphql`, { authorization: `Bearer ${admin}` });
    const events = collect(client, DEVICE_EVENTS, { id: contact.id });
    await client.connected;

    simulator.setAttribute(contact.hubDeviceId, 'contact', 'open');

    await events.next(1, 15_000);
    expect(events.results[0].data.deviceEvent).toEqual({
      name: 'contact',
      value: 'open',
      device: { label: 'Front Door Contact' },
    });
    await client.dispose();
    const device = await graphql(
      `${web()}/graphql`,
      'query ($id: ID!) { device(id: $id) { attributes { name value } } }',
      { id: contact.id },
      bearer(admin),
    );
    expect(device.data.device.attributes).toContainEqual({ name: 'contact', value: 'open' });
  });

  it('passes hardware’s own answer through: a wrong secret is 401 from hardware', async () => {
    const response = await fetch(`${web()}${HUBITAT_EVENTS_PREFIX}${contact.id}/not-the-secret`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: { name: 'contact', value: 'closed', deviceId: contact.hubDeviceId } }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'unknown hub or wrong secret' });
  });

  it('answers 502 with a clear body when hardware is down, and never logs the secret', async () => {
    const secret = simulator.postUrl!.split('/').at(-1)!;
    await service('hardware').stop();
    const response = await fetch(simulator.postUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: { name: 'contact', value: 'closed', deviceId: contact.hubDeviceId } }),
    });
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: 'hardware is unreachable; retry later' });
    await eventually(async () => service('web').logs().includes('hub event not forwarded'));
    expect(system.services.filter((s) => s.logs().includes(secret)).map((s) => s.name)).toEqual([]);
  });
});
