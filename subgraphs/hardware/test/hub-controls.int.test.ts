import { randomBytes } from 'node:crypto';
import { TEST_BACKENDS, codeOf, eventually, userPrincipal } from '@switchyard/testing';
import { createSimulator, type Simulator } from '../simulator/src/simulator.ts';
import { REGISTER_HUB, startHardware, type HardwareUnderTest } from './support.ts';

const HUB = `query ($id: ID!) {
  hub(id: $id) { mode modes hsmStatus variables { name type value } events(first: 20) { kind name value hub { id } } }
}`;
const SET_MODE = 'mutation ($hubId: ID!, $mode: String!) { setHubMode(hubId: $hubId, mode: $mode) { id mode } }';
const SET_HSM = 'mutation ($hubId: ID!, $arm: HsmCommand!) { setHsm(hubId: $hubId, arm: $arm) { id hsmStatus } }';
const SET_VARIABLE = `mutation ($hubId: ID!, $name: String!, $value: String!) {
  setHubVariable(hubId: $hubId, name: $name, value: $value) { name type value }
}`;
const UNKNOWN_HUB = '00000000-0000-4000-8000-000000000000';

describe.each(TEST_BACKENDS)('hub mode, HSM and variables (%s)', (backend) => {
  let hardware: HardwareUnderTest;
  let simulator: Simulator;
  let hubId: string;
  const token = randomBytes(16).toString('hex');
  const operator = userPrincipal('OPERATOR');
  const viewer = userPrincipal('VIEWER');
  const hub = async () => {
    const result = await hardware.call(HUB, { id: hubId }, viewer);
    expect(result.errors).toBeUndefined();
    return result.data!.hub as {
      mode: string;
      modes: string[];
      hsmStatus: string;
      variables: { name: string; type: string; value: string }[];
      events: { kind: string; name: string; value: string; hub: { id: string } }[];
    };
  };

  beforeAll(async () => {
    hardware = await startHardware({ backend });
    simulator = await createSimulator({ accessToken: token, devices: ['contact', 'motion'] });
    const result = await hardware.call(REGISTER_HUB, {
      input: { name: 'Shop', baseUrl: simulator.url, appId: '1', accessToken: token },
    });
    expect(result.errors).toBeUndefined();
    hubId = result.data!.registerHub.id;
    await hardware.services.hubControls.refresh(hubId);
  });
  afterAll(async () => {
    await simulator?.stop();
    await hardware?.stop();
  });

  it('reads modes, HSM status and typed variables from the hub', async () => {
    const state = await hub();
    expect(state.modes).toEqual(['Day', 'Evening', 'Night', 'Away']);
    expect(state.mode).toBe('Day');
    expect(state.hsmStatus).toBe('DISARMED');
    expect(state.variables).toEqual([
      { name: 'ClosingTime', type: 'DateTime', value: '2026-12-24T18:00:00.000Z' },
      { name: 'Greeting', type: 'String', value: 'Welcome' },
      { name: 'Guests', type: 'Number', value: '0' },
      { name: 'Holiday', type: 'Boolean', value: 'false' },
      { name: 'TargetTemperature', type: 'Decimal', value: '21.5' },
    ]);
  });

  it('sets the mode; the change is one MODE event even though the hub also pushes it', async () => {
    const set = await hardware.call(SET_MODE, { hubId, mode: 'Away' }, operator);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setHubMode.mode).toBe('Away');
    // Let the pushed location event arrive too: it finds the mode already recorded.
    await eventually(async () => simulator.delivery.stats.delivered > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const modeEvents = (await hub()).events.filter((e) => e.kind === 'MODE' && e.value === 'Away');
    expect(modeEvents).toHaveLength(1);
    expect(modeEvents[0]!.hub.id).toBe(hubId);
  });

  it('refuses an unknown mode, an unknown or malformed hub, and viewers', async () => {
    const unknown = await hardware.call(SET_MODE, { hubId, mode: 'Party' }, operator);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mode' });
    const empty = await hardware.call(SET_MODE, { hubId, mode: '  ' }, operator);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mode' });
    expect(codeOf(await hardware.call(SET_MODE, { hubId: UNKNOWN_HUB, mode: 'Day' }, operator))).toBe('NOT_FOUND');
    expect(codeOf(await hardware.call(SET_HSM, { hubId: 'nope', arm: 'ARM_AWAY' }, operator))).toBe('NOT_FOUND');
    expect(codeOf(await hardware.call(SET_HSM, { hubId, arm: 'ARM_AWAY' }, viewer))).toBe('FORBIDDEN');
    expect(codeOf(await hardware.call(SET_VARIABLE, { hubId, name: 'Guests', value: '1' }, viewer))).toBe('FORBIDDEN');
  });

  it('arms HSM away; an opened contact is an intrusion alert in the hub history and the outbox; disarm cancels it', async () => {
    const armed = await hardware.call(SET_HSM, { hubId, arm: 'ARM_AWAY' }, operator);
    expect(armed.errors).toBeUndefined();
    expect(armed.data!.setHsm.hsmStatus).toBe('ARMED_AWAY');
    simulator.setAttribute('1', 'contact', 'open');
    await eventually(async () => (await hub()).events.some((e) => e.kind === 'HSM_ALERT' && e.value === 'intrusion'));
    const outbox = await hardware.db.outboxEvent.findMany({ where: { type: 'HubEventRecorded', aggregateId: hubId } });
    expect(outbox.map((e) => (e.payload as { kind: string; value: string }).value)).toContain('intrusion');
    expect(outbox.find((e) => (e.payload as { value: string }).value === 'intrusion')!.payload).toMatchObject({
      hubName: 'Shop',
      storeId: null,
      kind: 'HSM_ALERT',
      name: 'hsmAlert',
    });

    const disarmed = await hardware.call(SET_HSM, { hubId, arm: 'DISARM' }, operator);
    expect(disarmed.data!.setHsm.hsmStatus).toBe('DISARMED');
    await eventually(async () => (await hub()).events.some((e) => e.kind === 'HSM_ALERT' && e.value === 'cancel'));
    // Disarmed, an opened contact is nobody's alarm.
    simulator.setAttribute('1', 'contact', 'closed');
    simulator.setAttribute('1', 'contact', 'open');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await hub()).events.filter((e) => e.value === 'intrusion')).toHaveLength(1);
  });

  it('sets variables after checking the value against the type, and follows the hub’s variable events', async () => {
    const set = await hardware.call(SET_VARIABLE, { hubId, name: 'Guests', value: ' 12 ' }, operator);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setHubVariable).toEqual({ name: 'Guests', type: 'Number', value: '12' });
    expect(simulator.variables.get('Guests')!.value).toBe('12');

    for (const [name, value] of [
      ['Guests', '1.5'],
      ['Holiday', 'maybe'],
      ['TargetTemperature', 'warm'],
      ['ClosingTime', 'tonight'],
    ]) {
      const refused = await hardware.call(SET_VARIABLE, { hubId, name, value }, operator);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
    }
    expect(codeOf(await hardware.call(SET_VARIABLE, { hubId, name: 'Nope', value: 'x' }, operator))).toBe('NOT_FOUND');
    expect(simulator.variables.get('Holiday')!.value).toBe('false');

    // Changed on the hub (a rule, the hub's UI): its location event updates the stored value.
    const response = await fetch(simulator.postUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        content: {
          name: 'variable:Holiday',
          value: 'true',
          displayName: 'Location',
          deviceId: null,
          descriptionText: null,
          unit: null,
          type: null,
          data: null,
        },
      }),
    });
    expect(response.status).toBe(201);
    const state = await hub();
    expect(state.variables).toContainEqual({ name: 'Holiday', type: 'Boolean', value: 'true' });
    expect(state.events[0]).toMatchObject({ kind: 'VARIABLE', name: 'Holiday', value: 'true' });
  });
});
