import { randomBytes } from 'node:crypto';
import { TEST_BACKENDS, codesOf, userPrincipal } from '@switchyard/testing';
import { createSimulator } from '../simulator/src/simulator.ts';
import { REGISTER_HUB, startHardware, type HardwareUnderTest } from './support.ts';

const HISTORY = `query ($id: ID!, $name: String!, $range: HistoryRange!) {
  device(id: $id) {
    numericAttributes
    attributeHistory(name: $name, range: $range) { name range unit min max latest points { at min max average } }
  }
}`;
const HOUR_MS = 3_600_000;

describe.each(TEST_BACKENDS)('attribute history from hourly roll-ups (%s)', (backend) => {
  let hardware: HardwareUnderTest;
  let eventsUrl: string;
  let sensor: { id: string; hubDeviceId: string };
  const post = (name: string, value: string, unit: string | null = '°C') =>
    fetch(eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: { name, value, unit, deviceId: sensor.hubDeviceId, type: 'physical' } }),
    }).then((response) => response.status);
  const history = async (name: string, range: string) =>
    hardware.call(HISTORY, { id: sensor.id, name, range }, userPrincipal('VIEWER'));

  beforeAll(async () => {
    hardware = await startHardware({ backend });
    const token = randomBytes(16).toString('hex');
    const simulator = await createSimulator({ accessToken: token, devices: ['temperature-humidity'] });
    const registered = await hardware.call(REGISTER_HUB, {
      input: { name: 'Cold room', baseUrl: simulator.url, appId: '1', accessToken: token },
    });
    sensor = registered.data!.registerHub.devices[0];
    eventsUrl = simulator.postUrl!;
    await simulator.stop();
  });
  afterAll(async () => {
    await hardware?.stop();
  });

  it('rolls numeric events up per hour in the transaction that stores them, duplicates and text left out', async () => {
    expect([await post('temperature', '20'), await post('temperature', '22'), await post('temperature', '19')]).toEqual(
      [201, 201, 201],
    );
    // A resend is not a reading: the roll-up counts it once.
    expect(await post('temperature', '19')).toBe(200);
    expect(await post('contact', 'open', null)).toBe(201);
    const rows = await hardware.db.deviceAttributeHour.findMany({ where: { deviceId: sensor.id } });
    expect(rows).toEqual([
      expect.objectContaining({ name: 'temperature', count: 3, sum: 61, min: 19, max: 22, last: 19, unit: '°C' }),
    ]);
  });

  it('answers HOUR from raw events and DAY from the hour rows, with min, max, latest and the unit', async () => {
    const hour = (await history('temperature', 'HOUR')).data!.device;
    expect(hour.numericAttributes).toEqual(['temperature']);
    expect(hour.attributeHistory).toMatchObject({
      name: 'temperature',
      range: 'HOUR',
      unit: '°C',
      min: 19,
      max: 22,
      latest: 19,
    });
    expect(hour.attributeHistory.points.length).toBeGreaterThanOrEqual(1);
    const day = (await history('temperature', 'DAY')).data!.device.attributeHistory;
    expect(day.points).toEqual([{ at: expect.any(String), min: 19, max: 22, average: expect.closeTo(61 / 3, 5) }]);
    expect(new Date(day.points[0].at).getTime() % HOUR_MS).toBe(0);
  });

  it('reaches back a week from hour rows and a month in 6-hour points', async () => {
    const now = Date.now();
    const hourAgo = (hours: number) => new Date(Math.floor((now - hours * HOUR_MS) / HOUR_MS) * HOUR_MS);
    await hardware.db.deviceAttributeHour.createMany({
      data: [
        { deviceId: sensor.id, name: 'temperature', hour: hourAgo(72), count: 2, sum: 10, min: 4, max: 6, last: 6 },
        { deviceId: sensor.id, name: 'temperature', hour: hourAgo(20 * 24), count: 1, sum: 1, min: 1, max: 1, last: 1 },
        {
          deviceId: sensor.id,
          name: 'temperature',
          hour: hourAgo(40 * 24),
          count: 1,
          sum: -50,
          min: -50,
          max: -50,
          last: -50,
        },
      ],
    });
    const week = (await history('temperature', 'WEEK')).data!.device.attributeHistory;
    expect(week.points.map((p: { average: number }) => p.average)).toEqual([5, expect.closeTo(61 / 3, 5)]);
    expect(week).toMatchObject({ min: 4, max: 22, latest: 19 });
    const month = (await history('temperature', 'MONTH')).data!.device.attributeHistory;
    expect(month.points).toHaveLength(3);
    expect(month.min).toBe(1);
    for (const point of month.points) expect(new Date(point.at).getTime() % (6 * HOUR_MS)).toBe(0);
  });

  it('answers no points for an attribute without history, BAD_USER_INPUT for a name that cannot be one', async () => {
    const empty = (await history('humidity', 'DAY')).data!.device.attributeHistory;
    expect(empty).toMatchObject({ points: [], min: null, max: null, latest: null });
    const refused = await history('not a name!', 'DAY');
    expect(codesOf(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.extensions!.field).toBe('name');
  });
});
