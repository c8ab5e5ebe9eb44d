import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@switchyard/shared';
import { TEST_BACKENDS, codeOf, eventually, userPrincipal } from '@switchyard/testing';
import { startFakeServices, startObservability } from './support.ts';

const admin = userPrincipal('ADMIN');
const operator = userPrincipal('OPERATOR');
const viewer = userPrincipal('VIEWER');
const ALERTS = '{ alerts { edges { node { subject status summary rule { name } } } } }';
const ACTIVITY = '{ activity(first: 50) { edges { node { kind actor { id } details } } } }';
const entriesOf = (result: any) =>
  result.data!.activity.edges.map((e: any) => ({ ...e.node, details: JSON.parse(e.node.details) }));

/** A DeviceEventReceived as hardware's feed serves it. */
function deviceEvent(device: { id: string; label: string }, name: string, value: string, at = new Date()): DomainEvent {
  return {
    id: randomUUID(),
    type: 'DeviceEventReceived',
    aggregateType: 'Device',
    aggregateId: device.id,
    sequence: 1,
    occurredAt: at.toISOString(),
    actor: { kind: 'system', id: null },
    payload: {
      eventId: randomUUID(),
      deviceId: device.id,
      deviceLabel: device.label,
      hubId: 'hub-1',
      storeId: null,
      name,
      value,
      unit: name === 'battery' ? '%' : null,
      description: null,
      source: 'PHYSICAL',
      receivedAt: at.toISOString(),
    },
  };
}

describe.each(TEST_BACKENDS)('device alerts, silences and breaker resets (%s)', (backend) => {
  it('fires LOW_BATTERY and DEVICE_OFFLINE from hardware’s device events, and resolves them', async () => {
    const fakes = await startFakeServices();
    const observability = await startObservability(backend, {
      ...fakes.env,
      MONITORED_SERVICES: 'stores',
      CHECK_INTERVAL_MS: '300',
      ACTIVITY_POLL_MS: '200',
    });
    try {
      for (const input of [
        '{ name: "battery", kind: LOW_BATTERY }',
        '{ name: "offline", kind: DEVICE_OFFLINE, forSeconds: 0 }',
      ]) {
        const created = await observability.call(
          admin,
          `mutation { createAlertRule(input: ${input}) { thresholdPercent } }`,
        );
        expect(created.errors).toBeUndefined();
      }
      const smoke = { id: randomUUID(), label: 'Kitchen smoke sensor' };
      const leak = { id: randomUUID(), label: 'Cellar leak sensor' };
      fakes.state.events.push(deviceEvent(smoke, 'battery', '12'), deviceEvent(leak, 'battery', '85'));
      observability.startJobs();

      const alerts = async () => (await observability.call(viewer, ALERTS)).data!.alerts.edges.map((e: any) => e.node);
      const firing = async (rule: string) =>
        (await alerts()).filter((a: any) => a.rule.name === rule && a.status === 'FIRING');
      expect(await eventually(async () => (await firing('battery')).length > 0 && firing('battery'))).toEqual([
        {
          subject: `device:${smoke.id}`,
          status: 'FIRING',
          summary: 'Kitchen smoke sensor battery at 12 %',
          rule: { name: 'battery' },
        },
      ]);

      // The hub's health check says the leak sensor is offline; the new battery resolves the smoke sensor's alert.
      fakes.state.events.push(deviceEvent(leak, 'healthStatus', 'offline'), deviceEvent(smoke, 'battery', '100'));
      expect(await eventually(async () => (await firing('offline')).length > 0 && firing('offline'))).toEqual([
        {
          subject: `device:${leak.id}`,
          status: 'FIRING',
          summary: 'Cellar leak sensor is offline (its hub says so)',
          rule: { name: 'offline' },
        },
      ]);
      await eventually(async () => (await firing('battery')).length === 0);
      expect((await alerts()).find((a: any) => a.rule.name === 'battery')).toMatchObject({ status: 'RESOLVED' });
    } finally {
      await observability.stop();
      await fakes.close();
    }
  });

  it('edits and ends a silence early, keeping it and auditing both', async () => {
    const observability = await startObservability(backend);
    try {
      const until = new Date(Date.now() + 3_600_000).toISOString();
      const created = await observability.call(
        operator,
        'mutation($until: DateTime!) { createSilence(matcher: "Hub offline", until: $until, reason: "moving") { id } }',
        { until },
      );
      const id = created.data!.createSilence.id;
      const UPDATE =
        'mutation($id: ID!, $input: SilencePatch!) { updateSilence(id: $id, input: $input) { matcher reason until } }';
      const later = new Date(Date.now() + 7_200_000).toISOString();
      const updated = await observability.call(operator, UPDATE, {
        id,
        input: { reason: 'moving the till', until: later },
      });
      expect(updated.data!.updateSilence).toEqual({ matcher: 'Hub offline', reason: 'moving the till', until: later });
      expect(codeOf(await observability.call(viewer, UPDATE, { id, input: { reason: 'x' } }))).toBe('FORBIDDEN');
      const past = await observability.call(operator, UPDATE, { id, input: { until: new Date(0).toISOString() } });
      expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.until' });

      const EXPIRE = 'mutation($id: ID!) { expireSilence(id: $id) { id until expiredAt expiredBy { id } } }';
      const expired = (await observability.call(operator, EXPIRE, { id })).data!.expireSilence;
      expect(expired.expiredBy).toEqual({ id: operator.userId });
      expect(Date.parse(expired.until)).toBeLessThanOrEqual(Date.now());
      expect((await observability.call(viewer, '{ silences { id } }')).data!.silences).toEqual([]);
      expect(codeOf(await observability.call(operator, EXPIRE, { id }))).toBe('CONFLICT');
      expect(codeOf(await observability.call(operator, UPDATE, { id, input: { reason: 'again' } }))).toBe('CONFLICT');
      expect(codeOf(await observability.call(operator, EXPIRE, { id: randomUUID() }))).toBe('NOT_FOUND');

      const entries = entriesOf(await observability.call(admin, ACTIVITY));
      expect(entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'SilenceUpdated', actor: { id: operator.userId } }),
          expect.objectContaining({ kind: 'SilenceExpired', actor: { id: operator.userId } }),
        ]),
      );
    } finally {
      await observability.stop();
    }
  });

  it('resets a breaker at the service that owns it, for admins only and with a reason, audited', async () => {
    const fakes = await startFakeServices();
    const since = new Date(Date.now() - 60_000).toISOString();
    fakes.state.breakers = [{ service: 'hardware', name: 'hubitat-hub:1', state: 'OPEN', failures: 5, since }];
    const observability = await startObservability(backend, {
      ...fakes.env,
      MONITORED_SERVICES: 'stores',
      CHECK_INTERVAL_MS: '300',
    });
    const RESET =
      'mutation($service: String!, $name: String!, $reason: String!) { resetCircuitBreaker(service: $service, name: $name, reason: $reason) { service name state failures } }';
    const breaker = { service: 'hardware', name: 'hubitat-hub:1' };
    try {
      observability.startJobs();
      await eventually(
        async () =>
          (await observability.call(viewer, '{ circuitBreakers { state } }')).data!.circuitBreakers[0]?.state ===
          'OPEN',
      );
      expect(codeOf(await observability.call(operator, RESET, { ...breaker, reason: 'hub replaced' }))).toBe(
        'FORBIDDEN',
      );
      const blank = await observability.call(admin, RESET, { ...breaker, reason: '  ' });
      expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(fakes.state.resets).toEqual([]);
      expect(
        codeOf(await observability.call(admin, RESET, { service: 'hardware', name: 'nothing', reason: 'typo' })),
      ).toBe('NOT_FOUND');

      const reset = await observability.call(admin, RESET, { ...breaker, reason: 'hub replaced' });
      expect(reset.data!.resetCircuitBreaker).toEqual({ ...breaker, state: 'CLOSED', failures: 0 });
      expect(fakes.state.resets.at(-1)).toEqual(breaker);
      const entries = entriesOf(await observability.call(admin, ACTIVITY));
      expect(entries).toContainEqual({
        kind: 'CircuitBreakerReset',
        actor: { id: admin.userId },
        details: expect.objectContaining({ ...breaker, reason: 'hub replaced', previousState: 'OPEN' }),
      });
    } finally {
      await observability.stop();
      await fakes.close();
    }
  });
});
