import { scheduleInputSchema } from './scene-input.ts';

const base = { name: 'Lights', timing: 'CRON', cron: '0 7 * * *', timeZone: 'Europe/Berlin', sceneId: 's1' };
const firstIssue = (input: unknown) => {
  const result = scheduleInputSchema.safeParse(input);
  return result.success ? null : result.error.issues[0]!.path.join('.');
};

describe('schedule input', () => {
  it('accepts a cron schedule of a scene, enabled by default', () => {
    expect(scheduleInputSchema.parse(base)).toMatchObject({ enabled: true, offsetMinutes: 0, latitude: null });
  });

  it('names the field that is wrong', () => {
    expect(firstIssue({ ...base, sceneId: null })).toBe('sceneId');
    expect(firstIssue({ ...base, deviceId: 'd1' })).toBe('sceneId');
    expect(firstIssue({ ...base, sceneId: null, deviceId: 'd1' })).toBe('command');
    expect(firstIssue({ ...base, cron: '70 * * * *' })).toBe('cron');
    expect(firstIssue({ ...base, timeZone: 'Nowhere/Land' })).toBe('timeZone');
    expect(firstIssue({ ...base, timing: 'SUNSET', longitude: 13 })).toBe('latitude');
    expect(firstIssue({ ...base, timing: 'SUNSET', latitude: 52, longitude: 13, offsetMinutes: 721 })).toBe(
      'offsetMinutes',
    );
  });

  it('drops the cron expression of a sun schedule', () => {
    const parsed = scheduleInputSchema.parse({ ...base, timing: 'SUNRISE', latitude: 52.5, longitude: 13.4 });
    expect(parsed.cron).toBeNull();
  });
});
