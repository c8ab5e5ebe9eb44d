import { randomBytes } from 'node:crypto';
import { TEST_BACKENDS, codesOf, eventually, userPrincipal } from '@switchyard/testing';
import { createSimulator, type Simulator } from '../simulator/src/simulator.ts';
import { REGISTER_HUB, startHardware, type HardwareUnderTest } from './support.ts';

const DIAGNOSTICS = `query ($id: ID!) {
  hub(id: $id) {
    lastEventAt
    devices { label lastEventAt }
    diagnostics { lastEventAt lastRepairAt postUrlPointsHere expectedPostUrl warnings { code message } }
  }
}`;
const TEST_EVENTS = `mutation ($hubId: ID!) { testHubEvents(hubId: $hubId) { ok roundTripMs message } }`;
const SYNC = `mutation ($id: ID!) { syncHub(id: $id) { id } }`;

describe.each(TEST_BACKENDS)('hub diagnostics and the event test (%s)', (backend) => {
  let hardware: HardwareUnderTest;
  let simulator: Simulator;
  let hubId: string;
  const token = randomBytes(16).toString('hex');
  const operator = userPrincipal('OPERATOR');
  const diagnostics = async () => (await hardware.call(DIAGNOSTICS, { id: hubId }, userPrincipal('VIEWER'))).data!.hub;
  const codes = async () => (await diagnostics()).diagnostics.warnings.map((w: { code: string }) => w.code);
  const testEvents = async () => (await hardware.call(TEST_EVENTS, { hubId }, operator)).data!.testHubEvents;

  beforeAll(async () => {
    // The event test waits HUB_COMMAND_TIMEOUT_MS; a loaded machine needs more than the support's 1 s hub timeout.
    hardware = await startHardware({ backend, hubs: { timeoutMs: 5_000, commandTimeoutMs: 4_000 } });
    simulator = await createSimulator({ accessToken: token, devices: ['contact', 'motion'] });
    const result = await hardware.call(REGISTER_HUB, {
      input: { name: 'Diagnosed', baseUrl: simulator.url, appId: '1', accessToken: token },
    });
    hubId = result.data!.registerHub.id;
  });
  afterEach(() => {
    simulator.faults.eventsMuted = false;
  });
  afterAll(async () => {
    await simulator?.stop();
    await hardware?.stop();
  });

  it('starts without events or warnings, shows the expected URL without its secret, and cannot read the postURL', async () => {
    const hub = await diagnostics();
    expect(hub.lastEventAt).toBeNull();
    expect(hub.diagnostics).toMatchObject({
      lastEventAt: null,
      lastRepairAt: null,
      postUrlPointsHere: null,
      warnings: [],
    });
    const secret = simulator.postUrl!.split('/').at(-1)!;
    expect(hub.diagnostics.expectedPostUrl).toBe(simulator.postUrl!.replace(secret, '…'));
    expect(hub.diagnostics.expectedPostUrl).not.toContain(secret);
  });

  it('warns EVENTS_NOT_ARRIVING when polling repairs a change the hub never pushed', async () => {
    simulator.faults.eventsMuted = true;
    simulator.setAttribute('1', 'contact', 'open');
    expect((await hardware.call(SYNC, { id: hubId }, operator)).errors).toBeUndefined();
    const hub = await diagnostics();
    expect(hub.diagnostics.lastRepairAt).not.toBeNull();
    expect(hub.diagnostics.warnings).toEqual([{ code: 'EVENTS_NOT_ARRIVING', message: expect.any(String) }]);
  });

  it('answers ok false, without an error, when no event arrives within the wait', async () => {
    simulator.faults.eventsMuted = true;
    const started = Date.now();
    const answer = await testEvents();
    expect(answer).toMatchObject({ ok: false, roundTripMs: null });
    expect(answer.message).toMatch(/No event/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_900);
  });

  it('answers ok with the round trip once events arrive, and the warning goes', async () => {
    const answer = await testEvents();
    expect(answer).toMatchObject({ ok: true, message: expect.any(String) });
    expect(answer.roundTripMs).toBeGreaterThanOrEqual(0);
    expect(answer.roundTripMs).toBeLessThan(4_000);
    expect(simulator.commandsReceived.at(-1)).toMatchObject({ command: 'refresh' });
    const hub = await diagnostics();
    expect(hub.lastEventAt).not.toBeNull();
    expect(hub.diagnostics.lastEventAt).toBe(hub.lastEventAt);
    expect(await codes()).toEqual([]);
  });

  it('records the last event per device, a duplicate and a location event included', async () => {
    simulator.setAttribute('2', 'motion', 'active');
    await eventually(async () =>
      (await diagnostics()).devices.some(
        (d: { label: string; lastEventAt: string | null }) => d.label === 'Hallway Motion' && d.lastEventAt,
      ),
    );
    const before = (await diagnostics()).lastEventAt;
    const location = await fetch(simulator.postUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: { name: 'mode', value: 'Night', deviceId: null } }),
    });
    // A mode change is stored as a hub event (201), and it counts as an event from the hub.
    expect(location.status).toBe(201);
    expect(new Date((await diagnostics()).lastEventAt).getTime()).toBeGreaterThan(new Date(before).getTime());
  });

  it('answers ok false for a hub that does not answer, and warns HUB_OFFLINE', async () => {
    await simulator.stop();
    try {
      const answer = await testEvents();
      expect(answer).toMatchObject({ ok: false, roundTripMs: null });
      expect(await codes()).toContain('HUB_OFFLINE');
    } finally {
      await simulator.start();
    }
  });

  it('refuses a viewer (FORBIDDEN) and an unknown or malformed hub id (NOT_FOUND)', async () => {
    expect(codesOf(await hardware.call(TEST_EVENTS, { hubId }, userPrincipal('VIEWER')))).toEqual(['FORBIDDEN']);
    expect(
      codesOf(await hardware.call(TEST_EVENTS, { hubId: '00000000-0000-4000-8000-000000000000' }, operator)),
    ).toEqual(['NOT_FOUND']);
    expect(codesOf(await hardware.call(TEST_EVENTS, { hubId: 'not-a-uuid' }, operator))).toEqual(['NOT_FOUND']);
  });
});
