import { describe, expect, it } from '@jest/globals';
import { describeTiming } from './schedule-view.ts';

describe('schedule timing in words', () => {
  it('names cron with its time zone and the sun with its offset', () => {
    expect(describeTiming({ timing: 'CRON', cron: '30 7 * * 1-5', offsetMinutes: 0, timeZone: 'Europe/Berlin' })).toBe(
      'cron 30 7 * * 1-5 (Europe/Berlin)',
    );
    expect(describeTiming({ timing: 'SUNSET', offsetMinutes: -30, timeZone: 'UTC' })).toBe('sunset − 30 min');
    expect(describeTiming({ timing: 'SUNRISE', offsetMinutes: 15, timeZone: 'UTC' })).toBe('sunrise + 15 min');
    expect(describeTiming({ timing: 'SUNRISE', offsetMinutes: 0, timeZone: 'UTC' })).toBe('sunrise');
  });
});
