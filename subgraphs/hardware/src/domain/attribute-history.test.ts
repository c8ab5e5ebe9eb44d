import { HISTORY_RANGES, bucketSamples, hourOf, numericValue, rollUp } from './attribute-history.ts';

const at = (iso: string) => new Date(`2026-12-07T${iso}Z`);

describe('numericValue', () => {
  it('reads numbers and refuses everything else', () => {
    expect(['21.5', '-3', ' 7 ', '1e3', '.5'].map(numericValue)).toEqual([21.5, -3, 7, 1000, 0.5]);
    expect(['on', '', '12abc', 'NaN', 'Infinity', null, undefined].map(numericValue)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('rollUp', () => {
  it('folds events into one row per device, attribute and UTC hour, with count, sum, min, max and the latest value', () => {
    const rows = rollUp([
      { deviceId: 'd', name: 'temperature', value: '20', unit: '°C', receivedAt: at('10:05:00') },
      { deviceId: 'd', name: 'temperature', value: '22', unit: '°C', receivedAt: at('10:50:00') },
      { deviceId: 'd', name: 'temperature', value: '19', unit: '°C', receivedAt: at('10:20:00') },
      { deviceId: 'd', name: 'temperature', value: '25', unit: '°C', receivedAt: at('11:00:00') },
      { deviceId: 'd', name: 'switch', value: 'on', unit: null, receivedAt: at('10:10:00') },
    ]);
    expect(rows).toEqual([
      {
        deviceId: 'd',
        name: 'temperature',
        hour: at('10:00:00'),
        count: 3,
        sum: 61,
        min: 19,
        max: 22,
        last: 22,
        unit: '°C',
      },
      {
        deviceId: 'd',
        name: 'temperature',
        hour: at('11:00:00'),
        count: 1,
        sum: 25,
        min: 25,
        max: 25,
        last: 25,
        unit: '°C',
      },
    ]);
  });

  it('starts hours at whole UTC hours', () => {
    expect(hourOf(at('23:59:59.999'))).toEqual(at('23:00:00'));
  });
});

describe('bucketSamples', () => {
  it('merges samples into aligned buckets, oldest first, the average weighted by count', () => {
    const points = bucketSamples(
      [
        { at: at('07:00:00'), count: 2, sum: 40, min: 19, max: 21 },
        { at: at('01:00:00'), count: 1, sum: 10, min: 10, max: 10 },
        { at: at('05:00:00'), count: 3, sum: 30, min: 5, max: 15 },
      ],
      HISTORY_RANGES.MONTH.bucketMs,
    );
    expect(points).toEqual([
      { at: at('00:00:00'), min: 5, max: 15, average: 10 },
      { at: at('06:00:00'), min: 19, max: 21, average: 20 },
    ]);
  });
});
