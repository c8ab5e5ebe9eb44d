import { isoDurationMinutes } from './iso-duration.ts';

describe('isoDurationMinutes', () => {
  it.each([
    ['PT1H30M', 90],
    ['PT90M', 90],
    ['P0DT0H45M', 45],
    ['PT20M', 20],
    ['PT2H', 120],
    ['P1D', 1440],
    ['PT0.5H', 30],
    ['PT1H5M30S', 66],
    ['pt15m', 15],
  ])('%s -> %d minutes', (value, minutes) => expect(isoDurationMinutes(value)).toBe(minutes));

  it.each([['PT'], ['P'], ['1 hour'], [''], [45], [null]])('%p is unreadable', (value) =>
    expect(isoDurationMinutes(value)).toBeNull(),
  );
});
