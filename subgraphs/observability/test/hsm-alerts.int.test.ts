import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@switchyard/shared';
import { TEST_BACKENDS, eventually, userPrincipal } from '@switchyard/testing';
import { startFakeServices, startObservability } from './support.ts';

const admin = userPrincipal('ADMIN');
const viewer = userPrincipal('VIEWER');
const ALERTS = '{ alerts { edges { node { subject status summary rule { name kind } } } } }';
const ACTIVITY = '{ activity(first: 50) { edges { node { kind details } } } }';

/** A HubEventRecorded as hardware's feed serves it. */
function hubEvent(hub: { id: string; storeId: string }, kind: string, name: string, value: string): DomainEvent {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    type: 'HubEventRecorded',
    aggregateType: 'HubEvent',
    aggregateId: hub.id,
    sequence: 1,
    occurredAt: at,
    actor: { kind: 'system', id: null },
    payload: {
      eventId: randomUUID(),
      hubId: hub.id,
      hubName: 'Shop hub',
      storeId: hub.storeId,
      kind,
      name,
      value,
      receivedAt: at,
    },
  };
}

describe.each(TEST_BACKENDS)('HSM alerts (%s)', (backend) => {
  it('the default HSM_ALERT rule fires on an intrusion, on the hub with its store, in the feed too; disarming resolves it', async () => {
    const fakes = await startFakeServices();
    const observability = await startObservability(backend, {
      ...fakes.env,
      MONITORED_SERVICES: 'stores',
      CHECK_INTERVAL_MS: '300',
      ACTIVITY_POLL_MS: '200',
    });
    try {
      await observability.services.createDefaultAlertRules();
      const rules = (await observability.call(admin, '{ alertRules { name kind forSeconds } }')).data!.alertRules;
      expect(rules).toContainEqual({ name: 'HSM alert', kind: 'HSM_ALERT', forSeconds: 0 });
      const created = await observability.call(
        admin,
        'mutation { createAlertRule(input: { name: "hsm copy", kind: HSM_ALERT }) { kind } }',
      );
      expect(created.errors).toBeUndefined();

      const hub = { id: randomUUID(), storeId: randomUUID() };
      fakes.state.events.push(
        hubEvent(hub, 'HSM_STATUS', 'hsmStatus', 'armedAway'),
        hubEvent(hub, 'HSM_ALERT', 'hsmAlert', 'intrusion'),
      );
      observability.startJobs();

      const firing = async () =>
        (await observability.call(viewer, ALERTS))
          .data!.alerts.edges.map((e: any) => e.node)
          .filter((a: any) => a.rule.name === 'HSM alert' && a.status === 'FIRING');
      expect(await eventually(async () => (await firing()).length > 0 && firing())).toEqual([
        {
          subject: hub.id,
          status: 'FIRING',
          summary: 'Intrusion alert at hub Shop hub',
          rule: { name: 'HSM alert', kind: 'HSM_ALERT' },
        },
      ]);
      // The hub's store goes on the alert (stores and hubs filter alerts by it).
      expect(
        (await observability.db.alert.findFirst({ where: { subject: hub.id, ruleName: 'HSM alert' } }))?.storeId,
      ).toBe(hub.storeId);
      const feed = (await observability.call(admin, ACTIVITY)).data!.activity.edges.map((e: any) => ({
        kind: e.node.kind,
        details: JSON.parse(e.node.details),
      }));
      expect(feed).toContainEqual({
        kind: 'HubEventRecorded',
        details: expect.objectContaining({ kind: 'HSM_ALERT', value: 'intrusion', hubId: hub.id }),
      });

      fakes.state.events.push(hubEvent(hub, 'HSM_STATUS', 'hsmStatus', 'disarmed'));
      await eventually(async () => (await firing()).length === 0);
    } finally {
      await observability.stop();
      await fakes.close();
    }
  });
});
