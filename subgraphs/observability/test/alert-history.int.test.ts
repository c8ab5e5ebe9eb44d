import { TEST_BACKENDS, userPrincipal } from '@switchyard/testing';
import { ALERT_REOPEN_WINDOW_MS } from '../src/domain/alert-lifecycle.ts';
import { startObservability } from './support.ts';

const admin = userPrincipal('ADMIN');
const CREATE_RULE = 'mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) { id name } }';
const ALERTS = `{ alerts(first: 50) { edges { node { id status subject ruleName reopenCount lastReopenedAt resolvedAt rule { id name } } } } }`;

type AlertNode = {
  id: string;
  status: string;
  subject: string;
  ruleName: string;
  reopenCount: number;
  lastReopenedAt: string | null;
  resolvedAt: string | null;
  rule: { id: string; name: string } | null;
};

describe.each(TEST_BACKENDS)('alert history: flapping reopens, deleted rules keep their alerts (%s)', (backend) => {
  let observability: Awaited<ReturnType<typeof startObservability>>;
  beforeAll(async () => {
    observability = await startObservability(backend, { MONITORED_SERVICES: 'stores' });
  });
  afterAll(() => observability?.stop());

  const alertsOf = async (subject: string): Promise<AlertNode[]> =>
    (await observability.call(admin, ALERTS))
      .data!.alerts.edges.map((e: { node: AlertNode }) => e.node)
      .filter((a: AlertNode) => a.subject === subject);

  /** The evaluator's own moves, as a condition that fires and clears at the given instants. */
  async function flap(rule: { id: string; name: string }, subject: string, at: Date) {
    const { alerts } = observability.services;
    const target = { ruleId: rule.id, ruleName: rule.name, subject, summary: `${subject} is down` };
    let alert = await alerts.transition(null, target, 'PENDING', false, at);
    alert = await alerts.transition(alert, target, 'FIRING', false, at);
    return alerts.transition(alert, target, 'RESOLVED', false, new Date(at.getTime() + 60_000));
  }

  it('reopens the alert when its condition comes back within the window, and opens a new one after it', async () => {
    const rule = (
      await observability.call(admin, CREATE_RULE, {
        input: { name: 'flappy', kind: 'SERVICE_DOWN', target: 'flappy' },
      })
    ).data!.createAlertRule;
    const start = new Date('2026-12-01T10:00:00Z');
    const first = await flap(rule, 'flappy', start);
    const again = await flap(rule, 'flappy', new Date(start.getTime() + 5 * 60_000));
    const thrice = await flap(rule, 'flappy', new Date(start.getTime() + 10 * 60_000));
    expect(again.id).toBe(first.id);
    expect(thrice.id).toBe(first.id);
    const alerts = await alertsOf('flappy');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: 'RESOLVED', reopenCount: 2, ruleName: 'flappy' });
    expect(alerts[0]!.lastReopenedAt).toBe(new Date(start.getTime() + 10 * 60_000).toISOString());

    // Past the window after it last resolved: a new incident.
    const resolvedAt = new Date(alerts[0]!.resolvedAt!).getTime();
    const later = await flap(rule, 'flappy', new Date(resolvedAt + ALERT_REOPEN_WINDOW_MS + 1_000));
    expect(later.id).not.toBe(first.id);
    const rows = await observability.db.alert.findMany({ where: { subject: 'flappy' } });
    expect(rows.map((a) => a.reopenCount).sort()).toEqual([0, 2]);
  });

  it("keeps a deleted rule's alerts with its name, ending those still open", async () => {
    const rule = (
      await observability.call(admin, CREATE_RULE, {
        input: { name: 'doomed', kind: 'SERVICE_DOWN', target: 'doomed' },
      })
    ).data!.createAlertRule;
    await flap(rule, 'doomed', new Date('2026-12-01T09:00:00Z'));
    const target = { ruleId: rule.id, ruleName: rule.name, subject: 'doomed-open', summary: 'still down' };
    await observability.services.alerts.transition(null, target, 'PENDING', false, new Date());

    const deleted = await observability.call(admin, 'mutation ($id: ID!) { deleteAlertRule(id: $id) }', {
      id: rule.id,
    });
    expect(deleted.errors).toBeUndefined();
    const kept = [...(await alertsOf('doomed')), ...(await alertsOf('doomed-open'))];
    expect(kept).toHaveLength(2);
    for (const alert of kept) expect(alert).toMatchObject({ rule: null, ruleName: 'doomed', status: 'RESOLVED' });
  });
});
