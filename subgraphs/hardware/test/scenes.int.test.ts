import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger } from '@switchyard/shared';
import { TEST_BACKENDS, codeOf, userPrincipal } from '@switchyard/testing';
import type { DeviceKind } from '../simulator/src/devices.ts';
import { createSimulator, type Simulator } from '../simulator/src/simulator.ts';
import { createSceneService } from '../src/services/scene-service.ts';
import { REGISTER_HUB, startHardware, type HardwareUnderTest } from './support.ts';

const SCENE_FIELDS = 'id name actions { position command arguments device { id } } lastRun { id outcome }';
const CREATE_SCENE = `mutation ($input: SceneInput!) { createScene(input: $input) { ${SCENE_FIELDS} } }`;
const UPDATE_SCENE = `mutation ($id: ID!, $input: SceneInput!) { updateScene(id: $id, input: $input) { ${SCENE_FIELDS} } }`;
const DELETE_SCENE = 'mutation ($id: ID!) { deleteScene(id: $id) }';
const RUN_SCENE = `mutation ($id: ID!) {
  runScene(id: $id) {
    id trigger outcome late startedBy { id } scene { id }
    results { position deviceLabel command arguments ok errorCode error device { id } }
  }
}`;
const SCHEDULE_FIELDS = `id name enabled timing cron offsetMinutes timeZone latitude longitude nextRunAt
  scene { id } device { id } command arguments lastRun { id }`;
const CREATE_SCHEDULE = `mutation ($input: ScheduleInput!) { createSchedule(input: $input) { ${SCHEDULE_FIELDS} } }`;
const SET_ENABLED = `mutation ($id: ID!, $enabled: Boolean!) { setScheduleEnabled(id: $id, enabled: $enabled) { id enabled nextRunAt } }`;
const SCHEDULE_RUNS = `query ($id: ID!, $first: Int, $after: String) {
  schedule(id: $id) {
    lastRun { id }
    runs(first: $first, after: $after) { edges { node { id trigger late scheduledFor outcome scene { id } schedule { id } results { ok command } } } pageInfo { hasNextPage endCursor } }
  }
}`;

const fieldOf = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.[0]?.extensions?.field;

describe.each(TEST_BACKENDS)('scenes and schedules (%s)', (backend) => {
  let hardware: HardwareUnderTest;
  const simulators: Simulator[] = [];
  const token = randomBytes(16).toString('hex');
  const operator = userPrincipal('OPERATOR');
  const viewer = userPrincipal('VIEWER');
  // Two hubs: a device on each, so one hub going down fails only its own actions.
  let home: { simulator: Simulator; dimmer: string; porch: string };
  let shop: { simulator: Simulator; dimmer: string };

  const newHub = async (devices: DeviceKind[]) => {
    const simulator = await createSimulator({ accessToken: token, devices });
    simulators.push(simulator);
    const registered = await hardware.call(REGISTER_HUB, {
      input: { name: `Hub ${simulators.length}`, baseUrl: simulator.url, appId: '1', accessToken: token },
    });
    expect(registered.errors).toBeUndefined();
    const found = registered.data!.registerHub.devices as { id: string; label: string }[];
    return { simulator, byLabel: (label: string) => found.find((d) => d.label === label)!.id };
  };
  const createScene = async (input: Record<string, unknown>) => {
    const result = await hardware.call(CREATE_SCENE, { input }, operator);
    expect(result.errors).toBeUndefined();
    return result.data!.createScene as { id: string };
  };
  const scheduleInput = (overrides: Record<string, unknown>) => ({
    name: `Schedule ${randomUUID().slice(0, 8)}`,
    timing: 'CRON',
    cron: '0 7 * * *',
    timeZone: 'Europe/Berlin',
    ...overrides,
  });

  beforeAll(async () => {
    hardware = await startHardware({ backend });
    const a = await newHub(['dimmer', 'switch']);
    home = { simulator: a.simulator, dimmer: a.byLabel('Kitchen Dimmer'), porch: a.byLabel('Porch Light') };
    const b = await newHub(['dimmer']);
    shop = { simulator: b.simulator, dimmer: b.byLabel('Kitchen Dimmer') };
  });
  afterAll(async () => {
    await Promise.all(simulators.map((simulator) => simulator.stop()));
    await hardware?.stop();
  });

  describe('scenes', () => {
    it('are created with their actions in order, and replaced whole', async () => {
      const created = await createScene({
        name: 'Evening',
        actions: [
          { deviceId: home.dimmer, command: 'setLevel', arguments: ['30'] },
          { deviceId: home.porch, command: 'on' },
        ],
      });
      expect(created).toMatchObject({
        name: 'Evening',
        lastRun: null,
        actions: [
          { position: 0, command: 'setLevel', arguments: ['30'], device: { id: home.dimmer } },
          { position: 1, command: 'on', arguments: [], device: { id: home.porch } },
        ],
      });
      const updated = await hardware.call(
        UPDATE_SCENE,
        { id: created.id, input: { name: 'Night', actions: [{ deviceId: home.porch, command: 'off' }] } },
        operator,
      );
      expect(updated.data!.updateScene).toMatchObject({ name: 'Night', actions: [{ position: 0, command: 'off' }] });
      expect(await hardware.db.sceneAction.count({ where: { sceneId: created.id } })).toBe(1);
    });

    it('checks every action as sendDeviceCommand does, naming the action', async () => {
      const attempt = (actions: unknown[]) =>
        hardware.call(CREATE_SCENE, { input: { name: 'Bad', actions } }, operator);
      const cases: [unknown[], string][] = [
        [
          [
            { deviceId: home.porch, command: 'on' },
            { deviceId: home.porch, command: 'setLevel', arguments: ['5'] },
          ],
          'input.actions.1.command',
        ],
        [[{ deviceId: home.dimmer, command: 'setLevel', arguments: ['bright'] }], 'input.actions.0.arguments.0'],
        [[{ deviceId: home.porch, command: 'on', arguments: ['1'] }], 'input.actions.0.arguments'],
        [[{ deviceId: randomUUID(), command: 'on' }], 'input.actions.0.deviceId'],
        [[{ deviceId: 'not-an-id', command: 'on' }], 'input.actions.0.deviceId'],
        [[], 'input.actions'],
      ];
      for (const [actions, field] of cases) {
        const result = await attempt(actions);
        expect([codeOf(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', field]);
      }
      const blank = await hardware.call(
        CREATE_SCENE,
        { input: { name: '  ', actions: [{ deviceId: home.porch, command: 'on' }] } },
        operator,
      );
      expect([codeOf(blank), fieldOf(blank)]).toEqual(['BAD_USER_INPUT', 'input.name']);
      expect(await hardware.db.scene.count({ where: { name: 'Bad' } })).toBe(0);
    });

    it('are written by operators and read by viewers', async () => {
      const denied = await hardware.call(
        CREATE_SCENE,
        { input: { name: 'Viewer', actions: [{ deviceId: home.porch, command: 'on' }] } },
        viewer,
      );
      expect(codeOf(denied)).toBe('FORBIDDEN');
      const listed = await hardware.call('{ scenes { id name } }', {}, viewer);
      expect(listed.errors).toBeUndefined();
    });

    it('answer NOT_FOUND for unknown and malformed ids', async () => {
      for (const id of [randomUUID(), 'nope']) {
        expect(codeOf(await hardware.call(RUN_SCENE, { id }, operator))).toBe('NOT_FOUND');
        expect(codeOf(await hardware.call(DELETE_SCENE, { id }, operator))).toBe('NOT_FOUND');
        const read = await hardware.call('query ($id: ID!) { scene(id: $id) { id } }', { id }, viewer);
        expect(read.data!.scene).toBeNull();
      }
    });

    it('run every action in order, a failing one not stopping the rest, with a result each', async () => {
      const scene = await createScene({
        name: `Mixed ${randomUUID().slice(0, 6)}`,
        actions: [
          { deviceId: home.dimmer, command: 'setLevel', arguments: ['40'] },
          { deviceId: shop.dimmer, command: 'on' },
          { deviceId: home.porch, command: 'on' },
        ],
      });
      await shop.simulator.stop();
      try {
        const result = await hardware.call(RUN_SCENE, { id: scene.id }, operator);
        expect(result.errors).toBeUndefined();
        const run = result.data!.runScene;
        expect(run).toMatchObject({
          trigger: 'MANUAL',
          outcome: 'PARTIAL',
          late: false,
          startedBy: { id: operator.userId },
        });
        expect(
          run.results.map((r: { command: string; ok: boolean; errorCode: string | null }) => [
            r.command,
            r.ok,
            r.errorCode,
          ]),
        ).toEqual([
          ['setLevel', true, null],
          ['on', false, 'SERVICE_UNAVAILABLE'],
          ['on', true, null],
        ]);
        expect(run.results[0]).toMatchObject({
          deviceLabel: 'Kitchen Dimmer',
          arguments: ['40'],
          device: { id: home.dimmer },
        });
        // Sent through the command path: a history entry with the sender, the new state from the hub.
        const entries = await hardware.db.deviceEvent.findMany({ where: { deviceId: home.porch, source: 'COMMAND' } });
        expect(entries.at(-1)).toMatchObject({ name: 'on', sentByKind: 'USER', sentByUserId: operator.userId });
        const read = await hardware.call(
          `query ($id: ID!) { scene(id: $id) { lastRun { id outcome } } }`,
          { id: scene.id },
          viewer,
        );
        expect(read.data!.scene.lastRun).toEqual({ id: run.id, outcome: 'PARTIAL' });
      } finally {
        await shop.simulator.start();
      }
    });

    it('cannot be deleted while a schedule runs them', async () => {
      const scene = await createScene({ name: 'Kept', actions: [{ deviceId: home.porch, command: 'off' }] });
      const schedule = await hardware.call(CREATE_SCHEDULE, { input: scheduleInput({ sceneId: scene.id }) }, operator);
      expect(codeOf(await hardware.call(DELETE_SCENE, { id: scene.id }, operator))).toBe('CONFLICT');
      await hardware.call(
        'mutation ($id: ID!) { deleteSchedule(id: $id) }',
        { id: schedule.data!.createSchedule.id },
        operator,
      );
      expect((await hardware.call(DELETE_SCENE, { id: scene.id }, operator)).data!.deleteScene).toBe(scene.id);
    });
  });

  describe('schedules', () => {
    it('refuse bad input, naming the field', async () => {
      const scene = await createScene({ name: 'Target', actions: [{ deviceId: home.porch, command: 'on' }] });
      const cases: [Record<string, unknown>, string][] = [
        [{ sceneId: scene.id, cron: '61 * * * *' }, 'input.cron'],
        [{ sceneId: scene.id, cron: '* * * * * *' }, 'input.cron'],
        [{ sceneId: scene.id, timeZone: 'Mars/Olympus' }, 'input.timeZone'],
        [{ sceneId: scene.id, timing: 'SUNSET', cron: null, longitude: 13.4 }, 'input.latitude'],
        [
          { sceneId: scene.id, timing: 'SUNRISE', latitude: 52.5, longitude: 13.4, offsetMinutes: 721 },
          'input.offsetMinutes',
        ],
        [{ sceneId: scene.id, timing: 'SUNRISE', latitude: 91, longitude: 13.4 }, 'input.latitude'],
        [{ sceneId: scene.id, deviceId: home.porch, command: 'on' }, 'input.sceneId'],
        [{}, 'input.sceneId'],
        [{ sceneId: randomUUID() }, 'input.sceneId'],
        [{ deviceId: home.porch }, 'input.command'],
        [{ deviceId: home.porch, command: 'setLevel', arguments: ['3'] }, 'input.command'],
      ];
      for (const [overrides, field] of cases) {
        const result = await hardware.call(CREATE_SCHEDULE, { input: scheduleInput(overrides) }, operator);
        expect([JSON.stringify(overrides), codeOf(result), fieldOf(result)]).toEqual([
          JSON.stringify(overrides),
          'BAD_USER_INPUT',
          field,
        ]);
      }
      const denied = await hardware.call(CREATE_SCHEDULE, { input: scheduleInput({ sceneId: scene.id }) }, viewer);
      expect(codeOf(denied)).toBe('FORBIDDEN');
    });

    it('keep a cron time on the wall clock of their time zone', async () => {
      const result = await hardware.call(
        CREATE_SCHEDULE,
        { input: scheduleInput({ deviceId: home.porch, command: 'on', timeZone: 'America/New_York' }) },
        operator,
      );
      expect(result.errors).toBeUndefined();
      const next = new Date(result.data!.createSchedule.nextRunAt);
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'America/New_York',
        hour: '2-digit',
        minute: '2-digit',
      });
      expect(local.format(next)).toBe('07:00');
      expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    });

    it('compute the next sunrise at their place, with the offset', async () => {
      const result = await hardware.call(
        CREATE_SCHEDULE,
        {
          input: scheduleInput({
            deviceId: home.porch,
            command: 'off',
            timing: 'SUNRISE',
            cron: null,
            latitude: 52.52,
            longitude: 13.405,
            offsetMinutes: 15,
          }),
        },
        operator,
      );
      expect(result.errors).toBeUndefined();
      const schedule = result.data!.createSchedule;
      expect(schedule).toMatchObject({ timing: 'SUNRISE', cron: null, offsetMinutes: 15, latitude: 52.52 });
      // Berlin's sunrise is between 02:40 and 07:20 UTC all year; plus 15 minutes.
      const next = new Date(schedule.nextRunAt);
      const minutesOfDay = next.getUTCHours() * 60 + next.getUTCMinutes();
      expect(minutesOfDay).toBeGreaterThanOrEqual(2 * 60 + 40 + 15);
      expect(minutesOfDay).toBeLessThanOrEqual(7 * 60 + 20 + 15);
      expect(next.getTime()).toBeGreaterThan(Date.now());
      expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000 + 5 * 60_000);
    });

    it('run a due slot once with two schedulers, and move on to the next slot', async () => {
      const scene = await createScene({ name: 'Due', actions: [{ deviceId: home.dimmer, command: 'on' }] });
      const created = await hardware.call(
        CREATE_SCHEDULE,
        { input: scheduleInput({ sceneId: scene.id, cron: '*/5 * * * *' }) },
        operator,
      );
      const id = created.data!.createSchedule.id as string;
      const dueAt = new Date(Date.now() - 5_000);
      await hardware.db.schedule.update({ where: { id }, data: { nextRunAt: dueAt } });

      const services = hardware.services;
      const second = createSceneService({
        repo: services.scenes,
        devices: services.devices,
        hubService: services.hubService,
        logger: createLogger('hardware-test', 'silent'),
      });
      const runs = (
        await Promise.all([services.sceneService.runDue(), second.runDue(), services.sceneService.runDue()])
      ).flat();
      expect(runs.filter((run) => run.scheduleId === id)).toHaveLength(1);
      expect(await hardware.db.sceneRun.count({ where: { scheduleId: id } })).toBe(1);

      const read = await hardware.call(SCHEDULE_RUNS, { id }, viewer);
      const [run] = read.data!.schedule.runs.edges.map((e: { node: unknown }) => e.node);
      expect(run).toMatchObject({
        trigger: 'SCHEDULE',
        late: false,
        scheduledFor: dueAt.toISOString(),
        outcome: 'SUCCEEDED',
        scene: { id: scene.id },
        schedule: { id },
      });
      expect(read.data!.schedule.lastRun).toEqual({ id: run.id });
      const next = (await hardware.db.schedule.findUniqueOrThrow({ where: { id } })).nextRunAt!;
      expect(next.getTime()).toBeGreaterThan(Date.now());
      expect(next.getUTCMinutes() % 5).toBe(0);
    });

    it('run slots missed during downtime once, logged as late', async () => {
      const created = await hardware.call(
        CREATE_SCHEDULE,
        { input: scheduleInput({ deviceId: home.porch, command: 'on', cron: '* * * * *' }) },
        operator,
      );
      const id = created.data!.createSchedule.id as string;
      // Three hours down: 180 missed slots.
      await hardware.db.schedule.update({ where: { id }, data: { nextRunAt: new Date(Date.now() - 3 * 3_600_000) } });
      await hardware.services.sceneService.runDue();
      await hardware.services.sceneService.runDue();
      const runs = await hardware.db.sceneRun.findMany({ where: { scheduleId: id } });
      expect(runs.map((run) => [run.late, run.trigger, run.sceneId])).toEqual([[true, 'SCHEDULE', null]]);
      expect(runs[0]!.results).toMatchObject([{ command: 'on', ok: true }]);
    });

    it('stop when disabled and come back from now when enabled', async () => {
      const created = await hardware.call(
        CREATE_SCHEDULE,
        { input: scheduleInput({ deviceId: home.porch, command: 'off', cron: '* * * * *' }) },
        operator,
      );
      const id = created.data!.createSchedule.id as string;
      const disabled = await hardware.call(SET_ENABLED, { id, enabled: false }, operator);
      expect(disabled.data!.setScheduleEnabled).toEqual({ id, enabled: false, nextRunAt: null });
      await hardware.services.sceneService.runDue();
      expect(await hardware.db.sceneRun.count({ where: { scheduleId: id } })).toBe(0);
      const enabled = await hardware.call(SET_ENABLED, { id, enabled: true }, operator);
      expect(new Date(enabled.data!.setScheduleEnabled.nextRunAt).getTime()).toBeGreaterThan(Date.now());
      expect(codeOf(await hardware.call(SET_ENABLED, { id: 'nope', enabled: true }, operator))).toBe('NOT_FOUND');
    });

    it('page their runs newest first', async () => {
      const created = await hardware.call(
        CREATE_SCHEDULE,
        { input: scheduleInput({ deviceId: home.porch, command: 'on', cron: '* * * * *' }) },
        operator,
      );
      const id = created.data!.createSchedule.id as string;
      for (let i = 0; i < 3; i++) {
        await hardware.db.schedule.update({ where: { id }, data: { nextRunAt: new Date(Date.now() - 1_000) } });
        await hardware.services.sceneService.runDue();
      }
      const first = await hardware.call(SCHEDULE_RUNS, { id, first: 2 }, viewer);
      const page1 = first.data!.schedule.runs;
      expect(page1.edges).toHaveLength(2);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const second = await hardware.call(SCHEDULE_RUNS, { id, first: 2, after: page1.pageInfo.endCursor }, viewer);
      expect(second.data!.schedule.runs.edges).toHaveLength(1);
      expect(second.data!.schedule.runs.pageInfo.hasNextPage).toBe(false);
      expect(codeOf(await hardware.call(SCHEDULE_RUNS, { id, first: 0 }, viewer))).toBe('BAD_USER_INPUT');
    });
  });
});
