import { hubDiagnosticWarnings, redactEventsUrl } from './hub-diagnostics.ts';

const now = new Date('2026-12-07T12:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const codes = (facts: Partial<Parameters<typeof hubDiagnosticWarnings>[0]>) =>
  hubDiagnosticWarnings({ status: 'ONLINE', lastEventAt: null, lastRepairAt: null, now, ...facts }).map((w) => w.code);

describe('hubDiagnosticWarnings', () => {
  it('is quiet for a healthy hub, and for a hub with neither events nor repairs', () => {
    expect(codes({ lastEventAt: minutesAgo(1), lastRepairAt: minutesAgo(5) })).toEqual([]);
    expect(codes({})).toEqual([]);
  });

  it('warns that events are not arriving when a repair happened within the hour and no event did', () => {
    expect(codes({ lastRepairAt: minutesAgo(10) })).toEqual(['EVENTS_NOT_ARRIVING']);
    expect(codes({ lastRepairAt: minutesAgo(10), lastEventAt: minutesAgo(61) })).toEqual(['EVENTS_NOT_ARRIVING']);
    expect(codes({ lastRepairAt: minutesAgo(61), lastEventAt: minutesAgo(120) })).toEqual([]);
    expect(codes({ lastRepairAt: minutesAgo(10), lastEventAt: minutesAgo(59) })).toEqual([]);
  });

  it('names an offline or unauthorized hub', () => {
    expect(codes({ status: 'OFFLINE' })).toEqual(['HUB_OFFLINE']);
    expect(codes({ status: 'UNAUTHORIZED', lastRepairAt: minutesAgo(1) })).toEqual([
      'HUB_UNAUTHORIZED',
      'EVENTS_NOT_ARRIVING',
    ]);
  });
});

describe('redactEventsUrl', () => {
  it('hides the secret, the last path segment', () => {
    expect(redactEventsUrl('https://sy.example/hubitat/events/hub-1/s3cret')).toBe(
      'https://sy.example/hubitat/events/hub-1/…',
    );
  });
});
