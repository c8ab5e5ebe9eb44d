import { randomBytes } from 'node:crypto';
import { createLogger, type CircuitBreakerSnapshot } from '@switchyard/shared';
import { createDevice } from '../../simulator/src/devices.ts';
import { createSimulator, type Simulator } from '../../simulator/src/simulator.ts';
import { createInMemoryHardware, type InMemoryHardware } from '../../test/fakes/in-memory-hardware.ts';
import { createTokenCipher } from '../domain/token-cipher.ts';
import type { Hub } from '../domain/types.ts';
import { createWebhookSecrets } from '../domain/webhook-secret.ts';
import { createHubResilience } from '../hubitat/hub-resilience.ts';
import { createEventIngest } from './event-ingest.ts';
import { createHubService } from './hub-service.ts';

const TOKEN = 'sim-token-for-unit-tests';
const PUBLIC_URL = 'http://hardware.test';

/**
 * The hub service against the Maker API simulator over loopback (real HTTP, real resilience
 * policies, real cipher) with in-memory repositories.
 */
describe('hub service', () => {
  const key = randomBytes(32);
  const cipher = createTokenCipher(key);
  const webhooks = createWebhookSecrets(key);
  let simulator: Simulator;
  let fake: InMemoryHardware;
  let breakerChanges: CircuitBreakerSnapshot[];
  let service: ReturnType<typeof createHubService>;

  const register = (overrides: Partial<Parameters<typeof service.register>[0]> = {}) =>
    service.register({
      name: 'Home',
      storeId: null,
      baseUrl: simulator.url,
      appId: '1',
      accessToken: TOKEN,
      ...overrides,
    });
  const deviceLabelled = (label: string) => [...fake.rows.devices.values()].find((device) => device.label === label)!;

  beforeEach(async () => {
    simulator = await createSimulator({ accessToken: TOKEN, devices: ['dimmer', 'motion', 'lock'] });
    // Events the simulator would push are of no interest here (the events route has its own tests).
    simulator.delivery.pause();
    fake = createInMemoryHardware();
    breakerChanges = [];
    service = createHubService({
      hubs: fake.hubs,
      devices: fake.devices,
      keys: fake.keys,
      commandLog: { recordCommand: async () => {} },
      ingest: createEventIngest({ store: fake.storeDeviceEvents, maxBatch: 50, maxPending: 1_000 }),
      resilience: createHubResilience({
        timeoutMs: 2_000,
        attempts: 1,
        breakerFailures: 5,
        halfOpenAfterMs: 60_000,
        onStateChange: (snapshot) => breakerChanges.push(snapshot),
      }),
      cipher,
      webhooks,
      endpoint: { publicUrl: PUBLIC_URL },
      logger: createLogger('hardware-test', 'silent'),
    });
  });
  afterEach(() => simulator.stop());

  describe('register', () => {
    it('imports the devices with typed commands, seals the token and subscribes the hub to its own events URL', async () => {
      const hub = await register();

      expect(hub).toMatchObject({ name: 'Home', status: 'ONLINE', mode: 'Day' });
      const stored = fake.rows.hubs.get(hub.id)!;
      expect(stored.accessTokenEncrypted).not.toContain(TOKEN);
      expect(cipher.decrypt(stored.accessTokenEncrypted, hub.id)).toBe(TOKEN);

      const secret = simulator.postUrl?.split('/').at(-1) ?? '';
      expect(simulator.postUrl).toBe(`${PUBLIC_URL}/hubitat/events/${hub.id}/${secret}`);
      expect(webhooks.matches(secret, stored.webhookSecretHash)).toBe(true);

      expect([...fake.rows.devices.values()].map((device) => device.label).sort()).toEqual([
        'Front Door Lock',
        'Hallway Motion',
        'Kitchen Dimmer',
      ]);
      expect(deviceLabelled('Kitchen Dimmer').commands).toContainEqual({
        name: 'setLevel',
        arguments: ['NUMBER', 'NUMBER'],
      });
      expect(deviceLabelled('Front Door Lock').attributes.get('lock')).toMatchObject({ value: 'locked' });
    });

    it('names the field at fault when the hub refuses, and keeps nothing', async () => {
      await expect(register({ accessToken: 'wrong-token' })).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'input.accessToken' },
      });
      await expect(register({ appId: '99' })).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'input.appId' },
      });
      expect(fake.rows.hubs.size).toBe(0);
      expect(fake.rows.devices.size).toBe(0);
    });

    it('answers a hub that does not answer with SERVICE_UNAVAILABLE', async () => {
      const url = simulator.url;
      await simulator.stop();
      await expect(register({ baseUrl: url })).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
      expect(fake.rows.hubs.size).toBe(0);
    });

    it('refuses the same Maker API app twice', async () => {
      await register();
      await expect(register({ name: 'Again' })).rejects.toMatchObject({
        extensions: { code: 'CONFLICT', field: 'input.appId' },
      });
      expect(fake.rows.hubs.size).toBe(1);
    });
  });

  describe('sendCommand', () => {
    it("sends a command the device declares, and the hub's state follows", async () => {
      const hub = await register();
      const dimmer = deviceLabelled('Kitchen Dimmer');

      const outcome = await service.sendCommand(dimmer.id, 'setLevel', ['40'], hub.id);

      expect(outcome).toMatchObject({ device: { id: dimmer.id }, command: 'setLevel', arguments: ['40'] });
      expect(simulator.devices.get(dimmer.hubDeviceId)!.attributes.level).toBe('40');
    });

    it('refuses commands the device does not have, devices of another hub and unknown devices, sending nothing', async () => {
      const hub = await register();
      const lock = deviceLabelled('Front Door Lock');

      await expect(service.sendCommand(lock.id, 'setLevel', ['40'], hub.id)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
      });
      await expect(service.sendCommand(lock.id, 'unlock', [], 'another-hub')).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'deviceId' },
      });
      await expect(service.sendCommand('no-such-device', 'unlock', [], null)).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
      expect(simulator.devices.get(lock.hubDeviceId)!.attributes.lock).toBe('locked');
    });

    it('marks the hub OFFLINE when it stops answering, once; a poll that reaches it again subscribes it anew', async () => {
      const hub = await register();
      const dimmer = deviceLabelled('Kitchen Dimmer');
      const postUrl = simulator.postUrl;
      await simulator.stop();

      for (let i = 0; i < 2; i++)
        await expect(service.sendCommand(dimmer.id, 'on', [], null)).rejects.toMatchObject({
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        });
      expect(fake.rows.hubs.get(hub.id)!.status).toBe('OFFLINE');

      await simulator.start();
      // Back after a reset, without its postURL.
      await fetch(`${simulator.url}/apps/api/1/postURL?access_token=${TOKEN}`);
      await service.poll(hub.id);
      expect(fake.rows.hubs.get(hub.id)!.status).toBe('ONLINE');
      expect(simulator.postUrl).toBe(postUrl);
      expect(fake.events.map((event) => (event.payload as { status: string }).status)).toEqual(['OFFLINE', 'ONLINE']);
    });

    it('marks the hub UNAUTHORIZED when it rejects the stored token', async () => {
      const hub = await register();
      fake.rows.hubs.get(hub.id)!.accessTokenEncrypted = cipher.encrypt('a revoked token', hub.id);

      await expect(service.sendCommand(deviceLabelled('Kitchen Dimmer').id, 'on', [], null)).rejects.toMatchObject({
        extensions: { code: 'SERVICE_UNAVAILABLE' },
        message: expect.stringContaining('rejected its access token'),
      });
      expect(fake.rows.hubs.get(hub.id)!.status).toBe('UNAUTHORIZED');
    });
  });

  describe('sync and poll', () => {
    let hub: Hub;
    beforeEach(async () => {
      hub = await register();
    });

    it('imports new devices, forgets removed ones and records attributes that changed unseen as RECONCILIATION events', async () => {
      const motion = deviceLabelled('Hallway Motion');
      const lock = deviceLabelled('Front Door Lock');
      simulator.devices.set('10', { ...createDevice('contact', '10'), label: 'Back Door Contact' });
      simulator.devices.delete(motion.hubDeviceId);
      // Changed on the hub while its events did not arrive.
      simulator.setAttribute(lock.hubDeviceId, 'lock', 'unlocked');

      await service.poll(hub.id);

      expect([...fake.rows.devices.values()].map((device) => device.label).sort()).toEqual([
        'Back Door Contact',
        'Front Door Lock',
        'Kitchen Dimmer',
      ]);
      expect(fake.ingested).toEqual([
        expect.objectContaining({
          hubId: hub.id,
          hubDeviceId: lock.hubDeviceId,
          name: 'lock',
          value: 'unlocked',
          source: 'RECONCILIATION',
        }),
      ]);
    });

    it('subscribes a hub that lost its postURL again on sync, with the same events URL', async () => {
      const postUrl = simulator.postUrl;
      // What a hub reset does: the Maker API app forgets where to send its events.
      await fetch(`${simulator.url}/apps/api/1/postURL?access_token=${TOKEN}`);
      expect(simulator.postUrl).toBeNull();

      await expect(service.sync(hub.id)).resolves.toMatchObject({ id: hub.id, status: 'ONLINE' });
      expect(simulator.postUrl).toBe(postUrl);
    });

    it('reports a sync of an unreachable hub as SERVICE_UNAVAILABLE naming the hub; a poll only notes it', async () => {
      await simulator.stop();
      await expect(service.sync(hub.id)).rejects.toMatchObject({
        extensions: { code: 'SERVICE_UNAVAILABLE' },
        message: expect.stringContaining('"Home" is unreachable'),
      });
      await expect(service.poll(hub.id)).resolves.toBeUndefined();
      expect(fake.rows.hubs.get(hub.id)!.status).toBe('OFFLINE');
    });
  });

  describe('remove', () => {
    it('clears the hub postURL and forgets the hub with its devices', async () => {
      const hub = await register();
      await expect(service.remove(hub.id)).resolves.toBe(hub.id);
      expect(simulator.postUrl).toBeNull();
      expect(fake.rows.hubs.size).toBe(0);
      expect(fake.rows.devices.size).toBe(0);
    });

    it('removes a hub whose token no longer decrypts, and one that is down', async () => {
      const undecryptable = await register();
      fake.rows.hubs.get(undecryptable.id)!.accessTokenEncrypted = 'v1.not-a-sealed-token';
      await expect(service.remove(undecryptable.id)).resolves.toBe(undecryptable.id);

      const down = await register();
      await simulator.stop();
      await expect(service.remove(down.id)).resolves.toBe(down.id);
      expect(fake.rows.hubs.size).toBe(0);
    });

    it('answers an unknown hub with NOT_FOUND', async () => {
      await expect(service.remove('f0000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
    });
  });
});
