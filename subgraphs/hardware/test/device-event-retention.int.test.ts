import { randomUUID } from 'node:crypto';
import { olderThanTask, runRetentionPass, type Logger } from '@switchyard/shared';
import { TEST_BACKENDS } from '@switchyard/testing';
import { Registry } from 'prom-client';
import { startHardware, type HardwareUnderTest } from './support.ts';

const DAY = 86_400_000;

describe.each(TEST_BACKENDS)('device event retention (%s)', (backend) => {
  let hardware: HardwareUnderTest;
  beforeAll(async () => {
    hardware = await startHardware({ backend });
  });
  afterAll(() => hardware?.stop());

  it('deletes device events older than the retention age in batches and keeps newer ones and current attributes', async () => {
    const { db } = hardware;
    const hub = await db.hub.create({
      data: {
        id: randomUUID(),
        name: 'retention hub',
        baseUrl: `http://hub-${randomUUID()}.invalid`,
        appId: '1',
        accessTokenEncrypted: 'x',
        webhookSecretHash: 'x',
      },
    });
    const devices = await Promise.all(
      ['1', '2'].map((hubDeviceId) =>
        db.device.create({
          data: {
            hubId: hub.id,
            hubDeviceId,
            name: `d${hubDeviceId}`,
            label: `D${hubDeviceId}`,
            capabilities: [],
            commands: [],
          },
        }),
      ),
    );
    const now = new Date();
    const ages = [91, 120, 365, 89, 30, 0];
    await db.deviceEvent.createMany({
      data: devices.flatMap((device) =>
        ages.map((days) => ({
          deviceId: device.id,
          name: 'switch',
          value: String(days),
          receivedAt: new Date(now.getTime() - days * DAY),
        })),
      ),
    });
    await db.deviceAttribute.create({
      data: { deviceId: devices[0]!.id, name: 'switch', value: 'on', updatedAt: new Date(now.getTime() - 200 * DAY) },
    });

    const registry = new Registry();
    const logged: Record<string, unknown>[] = [];
    const logger = {
      info: (details: Record<string, unknown>) => void logged.push(details),
      debug: () => undefined,
      error: (details: Record<string, unknown>) => void logged.push(details),
    } as unknown as Logger;
    const task = olderThanTask('DeviceEvent', 'receivedAt', 90);
    const removed = await runRetentionPass({
      db,
      logger,
      registry,
      tasks: [task],
      batchSize: 4,
      pauseMs: 0,
      now,
    });
    expect(removed).toEqual({ DeviceEvent: 6 });
    const left = await db.deviceEvent.findMany({ orderBy: [{ deviceId: 'asc' }, { receivedAt: 'asc' }] });
    expect(left.map((e) => e.value).sort()).toEqual(['0', '0', '30', '30', '89', '89']);
    expect(await db.deviceAttribute.count()).toBe(1);
    const counter = (await registry.getSingleMetric('retention_pruned_rows_total')!.get()).values;
    expect(counter).toEqual([expect.objectContaining({ labels: { table: 'DeviceEvent' }, value: 6 })]);
    // 6 old events, 4 a batch: two batches.
    expect(logged).toEqual([expect.objectContaining({ table: 'DeviceEvent', removed: 6, batches: 2 })]);

    // A second pass finds nothing and says so only at debug level.
    expect(await runRetentionPass({ db, logger, registry, tasks: [task], batchSize: 4, pauseMs: 0, now })).toEqual({
      DeviceEvent: 0,
    });
    expect(logged).toHaveLength(1);
  });
});
