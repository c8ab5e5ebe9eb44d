import { randomBytes, randomUUID } from 'node:crypto';
import { TEST_BACKENDS, codeOf, userPrincipal } from '@switchyard/testing';
import { createSimulator, type Simulator } from '../simulator/src/simulator.ts';
import { startHardware, type HardwareUnderTest } from './support.ts';

const CREATE_ASSET =
  'mutation ($input: CreateAssetInput!, $key: String) { createAsset(input: $input, idempotencyKey: $key) { id serialNumber status } }';
const ALLOCATE = 'mutation ($id: ID!) { allocateAsset(assetId: $id, storeId: "store-1") { id } }';
const REGISTER = `mutation ($input: RegisterHubInput!, $key: String) {
  registerHub(input: $input, idempotencyKey: $key) { id name devices { id label } }
}`;
const COMMAND = `mutation ($deviceId: ID!, $command: String!, $args: [String!], $key: String) {
  sendDeviceCommand(deviceId: $deviceId, command: $command, args: $args, idempotencyKey: $key) { command arguments sentAt device { id } }
}`;

describe.each(TEST_BACKENDS)('idempotency keys on hardware mutations (%s)', (backend) => {
  let hardware: HardwareUnderTest;
  const simulators: Simulator[] = [];
  const token = randomBytes(16).toString('hex');
  const admin = userPrincipal('ADMIN');
  const operator = userPrincipal('OPERATOR');

  beforeAll(async () => {
    hardware = await startHardware({ backend });
  });
  afterAll(async () => {
    await Promise.all(simulators.map((simulator) => simulator.stop()));
    await hardware?.stop();
  });

  const newSimulator = async () => {
    const simulator = await createSimulator({ accessToken: token, devices: ['dimmer'] });
    simulator.delivery.pause();
    simulators.push(simulator);
    return simulator;
  };
  const hubInput = (simulator: Simulator) => ({ name: 'Shop', baseUrl: simulator.url, appId: '1', accessToken: token });
  /** A hub of its own per test, so one test's failures never open another's circuit breaker. */
  const newHub = async () => {
    const simulator = await newSimulator();
    const registered = await hardware.call(REGISTER, { input: hubInput(simulator) }, admin);
    expect(registered.errors).toBeUndefined();
    return { simulator, dimmer: registered.data!.registerHub.devices[0].id as string };
  };
  const assetInput = () => ({ kind: 'ROUTER', serialNumber: `SN-${randomUUID()}`, model: 'MX68', vendor: 'Meraki' });
  const assetsWithSerial = (serialNumber: string) =>
    hardware.db.asset.count({ where: { serialNumber: serialNumber.toUpperCase() } });
  const hubsAt = (simulator: Simulator) => hardware.db.hub.count({ where: { baseUrl: simulator.url } });

  describe('createAsset', () => {
    it('answers a repeat with the first asset, as it is now, and creates one', async () => {
      const input = assetInput();
      const key = `asset-${randomUUID()}`;
      const first = await hardware.call(CREATE_ASSET, { input, key }, operator);
      expect(first.errors).toBeUndefined();
      const created = first.data!.createAsset;
      await hardware.call(ALLOCATE, { id: created.id }, operator);

      const repeat = await hardware.call(CREATE_ASSET, { input, key }, operator);
      expect(repeat.errors).toBeUndefined();
      expect(repeat.data!.createAsset).toEqual({ ...created, status: 'ALLOCATED' });
      expect(await assetsWithSerial(input.serialNumber)).toBe(1);
      expect(await hardware.db.idempotencyRecord.findMany({ where: { key } })).toEqual([
        expect.objectContaining({
          operation: 'createAsset',
          principalId: `user:${operator.userId}`,
          result: { id: created.id },
        }),
      ]);
    });

    it('refuses the same key with other arguments and writes nothing', async () => {
      const key = `asset-${randomUUID()}`;
      await hardware.call(CREATE_ASSET, { input: assetInput(), key }, operator);
      const other = assetInput();
      const reused = await hardware.call(CREATE_ASSET, { input: other, key }, operator);
      expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
      expect(await assetsWithSerial(other.serialNumber)).toBe(0);
    });

    it('creates exactly one asset for concurrent duplicates, answering each with it', async () => {
      const input = assetInput();
      const key = `asset-${randomUUID()}`;
      const results = await Promise.all(
        Array.from({ length: 5 }, () => hardware.call(CREATE_ASSET, { input, key }, operator)),
      );
      for (const result of results) expect(result.errors).toBeUndefined();
      expect(new Set(results.map((result) => result.data!.createAsset.id)).size).toBe(1);
      expect(await assetsWithSerial(input.serialNumber)).toBe(1);
    });

    it('keeps keys apart per caller; a taken serial number forgets the key; refuses malformed keys', async () => {
      const key = `asset-${randomUUID()}`;
      const mine = await hardware.call(CREATE_ASSET, { input: assetInput(), key }, operator);
      const theirs = await hardware.call(CREATE_ASSET, { input: assetInput(), key }, userPrincipal('OPERATOR'));
      expect(theirs.errors).toBeUndefined();
      expect(theirs.data!.createAsset.id).not.toBe(mine.data!.createAsset.id);

      const takenKey = `asset-${randomUUID()}`;
      const taken = { ...assetInput(), serialNumber: mine.data!.createAsset.serialNumber };
      expect(codeOf(await hardware.call(CREATE_ASSET, { input: taken, key: takenKey }, operator))).toBe('CONFLICT');
      expect(await hardware.db.idempotencyRecord.count({ where: { key: takenKey } })).toBe(0);

      for (const malformed of ['', 'has space', 'x'.repeat(129)]) {
        const input = assetInput();
        const refused = await hardware.call(CREATE_ASSET, { input, key: malformed }, operator);
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
        expect(await assetsWithSerial(input.serialNumber)).toBe(0);
      }
    });
  });

  describe('registerHub', () => {
    it('answers a repeat with the registered hub instead of CONFLICT, and registers one', async () => {
      const simulator = await newSimulator();
      const key = `hub-${randomUUID()}`;
      const first = await hardware.call(REGISTER, { input: hubInput(simulator), key }, admin);
      expect(first.errors).toBeUndefined();
      const repeat = await hardware.call(REGISTER, { input: hubInput(simulator), key }, admin);
      expect(repeat.errors).toBeUndefined();
      expect(repeat.data!.registerHub).toEqual(first.data!.registerHub);
      expect(await hubsAt(simulator)).toBe(1);

      const reused = await hardware.call(REGISTER, { input: { ...hubInput(simulator), name: 'Other' }, key }, admin);
      expect(codeOf(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
      // Without the key, the same hub again is the CONFLICT it always was.
      expect(codeOf(await hardware.call(REGISTER, { input: hubInput(simulator) }, admin))).toBe('CONFLICT');
    });

    it('registers one hub for concurrent duplicates; the others answer it or IDEMPOTENCY_KEY_IN_USE', async () => {
      const simulator = await newSimulator();
      const key = `hub-${randomUUID()}`;
      const results = await Promise.all(
        Array.from({ length: 5 }, () => hardware.call(REGISTER, { input: hubInput(simulator), key }, admin)),
      );
      const registered = results.filter((result) => result.data?.registerHub);
      expect(registered.length).toBeGreaterThanOrEqual(1);
      expect(new Set(registered.map((result) => result.data!.registerHub.id)).size).toBe(1);
      for (const result of results.filter((r) => !r.data?.registerHub))
        expect(codeOf(result)).toBe('IDEMPOTENCY_KEY_IN_USE');
      expect(await hubsAt(simulator)).toBe(1);
    });

    it('forgets the key of a failed registration, keeps keys per caller and refuses malformed keys', async () => {
      const simulator = await newSimulator();
      const key = `hub-${randomUUID()}`;
      const wrong = await hardware.call(
        REGISTER,
        { input: { ...hubInput(simulator), accessToken: 'wrong' }, key },
        admin,
      );
      expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
      expect(await hardware.db.idempotencyRecord.count({ where: { key } })).toBe(0);

      const other = await newSimulator();
      const theirs = await hardware.call(REGISTER, { input: hubInput(other), key }, userPrincipal('ADMIN'));
      expect(theirs.errors).toBeUndefined();
      const mine = await hardware.call(REGISTER, { input: hubInput(simulator), key }, admin);
      expect(mine.errors).toBeUndefined();
      expect(mine.data!.registerHub.id).not.toBe(theirs.data!.registerHub.id);

      const third = await newSimulator();
      const malformed = await hardware.call(REGISTER, { input: hubInput(third), key: 'has space' }, admin);
      expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      expect(await hubsAt(third)).toBe(0);
    });
  });

  describe('sendDeviceCommand', () => {
    it('sends once and answers a repeat with the first result', async () => {
      const { simulator, dimmer } = await newHub();
      const key = `command-${randomUUID()}`;
      const first = await hardware.call(
        COMMAND,
        { deviceId: dimmer, command: 'setLevel', args: ['40'], key },
        operator,
      );
      expect(first.errors).toBeUndefined();
      const repeat = await hardware.call(
        COMMAND,
        { deviceId: dimmer, command: 'setLevel', args: ['40'], key },
        operator,
      );
      expect(repeat.errors).toBeUndefined();
      expect(repeat.data!.sendDeviceCommand).toEqual(first.data!.sendDeviceCommand);
      expect(simulator.commandsReceived).toEqual([{ deviceId: '1', command: 'setLevel', args: ['40'] }]);

      const reused = await hardware.call(
        COMMAND,
        { deviceId: dimmer, command: 'setLevel', args: ['60'], key },
        operator,
      );
      expect(codeOf(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(simulator.commandsReceived).toHaveLength(1);
    });

    it('sends exactly one command for concurrent duplicates; the others answer it or IDEMPOTENCY_KEY_IN_USE', async () => {
      const { simulator, dimmer } = await newHub();
      const key = `command-${randomUUID()}`;
      const results = await Promise.all(
        Array.from({ length: 5 }, () => hardware.call(COMMAND, { deviceId: dimmer, command: 'on', key }, operator)),
      );
      expect(simulator.commandsReceived).toHaveLength(1);
      const answered = results.filter((result) => result.data?.sendDeviceCommand);
      expect(answered.length).toBeGreaterThanOrEqual(1);
      expect(new Set(answered.map((result) => result.data!.sendDeviceCommand.sentAt)).size).toBe(1);
      for (const result of results.filter((r) => !r.data?.sendDeviceCommand))
        expect(codeOf(result)).toBe('IDEMPOTENCY_KEY_IN_USE');
      const later = await hardware.call(COMMAND, { deviceId: dimmer, command: 'on', key }, operator);
      expect(later.data!.sendDeviceCommand).toEqual(answered[0]!.data!.sendDeviceCommand);
      expect(simulator.commandsReceived).toHaveLength(1);
    });

    it('forgets the key when the command surely never reached the hub, so a retry sends it', async () => {
      const { simulator, dimmer } = await newHub();
      const key = `command-${randomUUID()}`;
      await simulator.stop();
      const refused = await hardware.call(COMMAND, { deviceId: dimmer, command: 'on', key }, operator);
      expect(codeOf(refused)).toBe('SERVICE_UNAVAILABLE');
      expect(await hardware.db.idempotencyRecord.count({ where: { key } })).toBe(0);

      await simulator.start();
      const retry = await hardware.call(COMMAND, { deviceId: dimmer, command: 'on', key }, operator);
      expect(retry.errors).toBeUndefined();
      expect(simulator.commandsReceived).toHaveLength(1);
    });

    it('answers a repeat of a command whose answer was lost with the same failure, without sending again', async () => {
      const { simulator, dimmer } = await newHub();
      const key = `command-${randomUUID()}`;
      simulator.answerDelayMs = 1_500;
      const lost = await hardware.call(COMMAND, { deviceId: dimmer, command: 'on', key }, operator);
      simulator.answerDelayMs = 0;
      expect(codeOf(lost)).toBe('SERVICE_UNAVAILABLE');
      const repeat = await hardware.call(COMMAND, { deviceId: dimmer, command: 'on', key }, operator);
      expect(repeat.errors?.[0]).toMatchObject({
        message: lost.errors![0]!.message,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
      expect(simulator.commandsReceived).toHaveLength(1);
    });

    it('keeps keys apart per caller and refuses malformed keys, sending nothing', async () => {
      const { simulator, dimmer } = await newHub();
      const key = `command-${randomUUID()}`;
      for (const caller of [operator, userPrincipal('OPERATOR')])
        expect((await hardware.call(COMMAND, { deviceId: dimmer, command: 'on', key }, caller)).errors).toBeUndefined();
      expect(simulator.commandsReceived).toHaveLength(2);

      for (const malformed of ['', 'has space', 'x'.repeat(129)]) {
        const refused = await hardware.call(COMMAND, { deviceId: dimmer, command: 'off', key: malformed }, operator);
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      }
      expect(simulator.commandsReceived).toHaveLength(2);
    });
  });
});
