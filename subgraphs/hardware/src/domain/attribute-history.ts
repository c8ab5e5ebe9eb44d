/** The spans a device attribute's chart can show. */
export type HistoryRange = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Per range: how far back, how wide a point is, and where it is read from. HOUR comes from raw
 * events (minute points); the others from hourly roll-ups, MONTH merged into 6-hour points (120
 * points rather than 720, enough for a chart and light to send).
 */
export const HISTORY_RANGES: Record<HistoryRange, { spanMs: number; bucketMs: number; source: 'events' | 'hours' }> = {
  HOUR: { spanMs: HOUR_MS, bucketMs: MINUTE_MS, source: 'events' },
  DAY: { spanMs: 24 * HOUR_MS, bucketMs: HOUR_MS, source: 'hours' },
  WEEK: { spanMs: 7 * 24 * HOUR_MS, bucketMs: HOUR_MS, source: 'hours' },
  MONTH: { spanMs: 30 * 24 * HOUR_MS, bucketMs: 6 * HOUR_MS, source: 'hours' },
};

const NUMERIC = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** The value as a number when it is one ("21.5", "-3", "1e3"); null for "on", "", null. */
export function numericValue(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !NUMERIC.test(value)) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** The start of the UTC hour of `at`. */
export function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/** One hour of one attribute: what an hourly roll-up row holds. */
export interface HourRollup {
  deviceId: string;
  name: string;
  hour: Date;
  count: number;
  sum: number;
  min: number;
  max: number;
  /** The value of the hour's latest event. */
  last: number;
  unit: string | null;
}

/**
 * Folds stored events into one roll-up per device, attribute and hour (one upsert row each: a
 * statement may not touch a row twice). Non-numeric values are left out.
 */
export function rollUp(
  events: readonly { deviceId: string; name: string; value: string | null; unit: string | null; receivedAt: Date }[],
): HourRollup[] {
  const rollups = new Map<string, HourRollup & { lastAt: number }>();
  for (const event of events) {
    const value = numericValue(event.value);
    if (value === null) continue;
    const hour = hourOf(event.receivedAt);
    const key = `${event.deviceId}/${event.name}/${hour.getTime()}`;
    const current = rollups.get(key);
    const at = event.receivedAt.getTime();
    if (!current) {
      rollups.set(key, {
        deviceId: event.deviceId,
        name: event.name,
        hour,
        count: 1,
        sum: value,
        min: value,
        max: value,
        last: value,
        unit: event.unit,
        lastAt: at,
      });
      continue;
    }
    current.count++;
    current.sum += value;
    current.min = Math.min(current.min, value);
    current.max = Math.max(current.max, value);
    if (at >= current.lastAt) {
      current.last = value;
      current.lastAt = at;
    }
    current.unit = event.unit ?? current.unit;
  }
  return [...rollups.values()].map(({ lastAt: _lastAt, ...rollup }) => rollup);
}

/** A point of a chart: one bucket's extremes and mean. */
export interface HistoryPoint {
  at: Date;
  min: number;
  max: number;
  average: number;
}

/** Something to fold into buckets: a raw value (count 1) or an hourly roll-up. */
export interface Sample {
  at: Date;
  count: number;
  sum: number;
  min: number;
  max: number;
}

/** Merges samples into buckets of `bucketMs` (aligned to the epoch, so to whole hours/minutes), oldest first. */
export function bucketSamples(samples: readonly Sample[], bucketMs: number): HistoryPoint[] {
  const buckets = new Map<number, Sample>();
  for (const sample of samples) {
    const start = Math.floor(sample.at.getTime() / bucketMs) * bucketMs;
    const bucket = buckets.get(start);
    if (!bucket) buckets.set(start, { ...sample, at: new Date(start) });
    else {
      bucket.count += sample.count;
      bucket.sum += sample.sum;
      bucket.min = Math.min(bucket.min, sample.min);
      bucket.max = Math.max(bucket.max, sample.max);
    }
  }
  return [...buckets.values()]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map(({ at, count, sum, min, max }) => ({ at, min, max, average: sum / count }));
}
