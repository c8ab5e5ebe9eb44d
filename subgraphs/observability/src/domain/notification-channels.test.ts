import {
  groupKeyOf,
  notificationChannelInputSchema,
  notificationTitle,
  ntfyRequest,
  patchProblem,
  slackPayload,
  webhookBody,
  type AlertSnapshot,
  type GroupedNotification,
} from './notification-channels.ts';

const alert = (subject: string, summary: string): AlertSnapshot => ({
  id: `id-${subject}`,
  rule: 'pos down',
  kind: 'SERVICE_DOWN',
  subject,
  storeId: 'hamburg',
  status: 'FIRING',
  summary,
  startedAt: '2026-12-07T10:00:00.000Z',
  firedAt: '2026-12-07T10:00:30.000Z',
  resolvedAt: null,
});
const three: GroupedNotification = {
  transition: 'FIRING',
  repeat: false,
  groupKey: 'store:hamburg',
  sentAt: new Date('2026-12-07T10:01:00Z'),
  alerts: [
    alert('monitor:a', 'POS 1 is down'),
    alert('monitor:b', 'POS 2 is down'),
    alert('monitor:c', 'Router is down'),
  ],
};

describe('grouping', () => {
  it('groups by store, else by the service a subject belongs to', () => {
    expect(groupKeyOf({ storeId: 'hamburg', subject: 'monitor:a' })).toBe('store:hamburg');
    expect(groupKeyOf({ storeId: null, subject: 'stores/postgres' })).toBe('subject:stores');
    expect(groupKeyOf({ storeId: null, subject: 'gateway' })).toBe('subject:gateway');
  });

  it('titles one alert by its summary and several by their count and store', () => {
    expect(notificationTitle({ ...three, alerts: [three.alerts[0]!] })).toBe('[FIRING] POS 1 is down');
    expect(notificationTitle(three, 'store Hamburg')).toBe('[FIRING] 3 alerts at store Hamburg');
    expect(notificationTitle({ ...three, repeat: true })).toBe('[FIRING, still] 3 alerts at store hamburg');
    expect(notificationTitle({ ...three, transition: 'RESOLVED', groupKey: 'subject:stores' })).toBe(
      '[RESOLVED] 3 alerts on stores',
    );
  });
});

describe('payloads', () => {
  it('Slack: text lists every alert; blocks escape what Slack would read as markup', () => {
    const payload = slackPayload({ ...three, alerts: [...three.alerts, alert('x', 'a <b> & c')] });
    expect(payload.text.split('\n')).toEqual([
      '[FIRING] 4 alerts at store hamburg',
      '- POS 1 is down (pos down, monitor:a)',
      '- POS 2 is down (pos down, monitor:b)',
      '- Router is down (pos down, monitor:c)',
      '- a <b> & c (pos down, x)',
    ]);
    expect(JSON.stringify(payload.blocks)).toContain('a &lt;b&gt; &amp; c');
  });

  it('ntfy: title, priority and tags as headers, the token as a Bearer, non-Latin titles RFC 2047-encoded', () => {
    const firing = ntfyRequest(three, 'tk_secret', 'store Hamburg');
    expect(firing.headers).toMatchObject({
      Title: '[FIRING] 3 alerts at store Hamburg',
      Priority: 'high',
      Tags: 'rotating_light',
      Authorization: 'Bearer tk_secret',
    });
    expect(firing.body.split('\n')).toHaveLength(3);
    const resolved = ntfyRequest({ ...three, transition: 'RESOLVED' }, null, 'store 東京');
    expect(resolved.headers).toMatchObject({ Priority: 'default', Tags: 'white_check_mark' });
    expect(resolved.headers.Authorization).toBeUndefined();
    expect(resolved.headers.Title).toMatch(/^=\?UTF-8\?B\?/);
    expect(Buffer.from(resolved.headers.Title!.slice(10, -2), 'base64').toString()).toBe(
      '[RESOLVED] 3 alerts at store 東京',
    );
  });

  it('webhook: every alert, the first also as `alert` as before grouping', () => {
    const body = JSON.parse(webhookBody(three));
    expect(body).toMatchObject({ transition: 'FIRING', repeat: false, group: { key: 'store:hamburg', count: 3 } });
    expect(body.alert.id).toBe('id-monitor:a');
    expect(body.alerts).toHaveLength(3);
  });
});

describe('input', () => {
  it('names the field each kind needs', () => {
    const problem = (input: object) =>
      notificationChannelInputSchema.safeParse({ name: 'x', ...input }).error?.issues.map((i) => i.path.join('.'));
    expect(problem({ kind: 'SLACK' })).toEqual(['url']);
    expect(problem({ kind: 'EMAIL' })).toEqual(['emailTo']);
    expect(problem({ kind: 'EMAIL', emailTo: ['not-mail'] })).toEqual(['emailTo.0']);
    expect(problem({ kind: 'WEBHOOK', url: 'https://x.test', secret: 'short' })).toEqual(['secret']);
    expect(problem({ kind: 'NTFY', url: 'https://ntfy.sh/topic' })).toBeUndefined();
    expect(patchProblem('SLACK', { secret: 'x' })).toMatchObject({ field: 'secret' });
    expect(patchProblem('EMAIL', { url: 'https://x.test' })).toMatchObject({ field: 'url' });
  });
});
