import { BadUserInputError } from '@switchyard/shared';
import type { AttributeHistoryRepository } from '../data/repositories.ts';
import {
  HISTORY_RANGES,
  bucketSamples,
  numericValue,
  type HistoryPoint,
  type HistoryRange,
  type Sample,
} from '../domain/attribute-history.ts';

export interface AttributeHistory {
  name: string;
  range: HistoryRange;
  unit: string | null;
  points: HistoryPoint[];
  min: number | null;
  max: number | null;
  latest: number | null;
}

const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

export type AttributeHistoryService = ReturnType<typeof createAttributeHistoryService>;

/** The device page's charts: points of one numeric attribute over a range. */
export function createAttributeHistoryService(
  repository: AttributeHistoryRepository,
  now: () => Date = () => new Date(),
) {
  return {
    async of(deviceId: string, name: string, range: HistoryRange): Promise<AttributeHistory> {
      if (!ATTRIBUTE_NAME.test(name))
        throw new BadUserInputError('name', 'must be an attribute name such as temperature or power');
      const { spanMs, bucketMs, source } = HISTORY_RANGES[range];
      const since = new Date(now().getTime() - spanMs);
      let samples: Sample[];
      let latest: number | null;
      if (source === 'events') {
        const values = (await repository.events(deviceId, name, since)).flatMap(({ value, receivedAt }) => {
          const number = numericValue(value);
          return number === null ? [] : [{ at: receivedAt, count: 1, sum: number, min: number, max: number }];
        });
        samples = values;
        latest = values.at(-1)?.sum ?? null;
      } else {
        const hours = await repository.hours(deviceId, name, since);
        samples = hours.map(({ hour, count, sum, min, max }) => ({ at: hour, count, sum, min, max }));
        latest = hours.at(-1)?.last ?? null;
      }
      const points = bucketSamples(samples, bucketMs);
      return {
        name,
        range,
        unit: await repository.unitOf(deviceId, name),
        points,
        min: points.length > 0 ? Math.min(...points.map((p) => p.min)) : null,
        max: points.length > 0 ? Math.max(...points.map((p) => p.max)) : null,
        latest,
      };
    },
  };
}
