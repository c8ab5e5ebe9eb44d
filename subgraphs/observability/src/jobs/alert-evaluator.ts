import type {
  AlertRepository,
  CheckRepository,
  DeviceRepository,
  MaintenanceRepository,
  OverviewRepository,
} from '../data/repositories.ts';
import { deviceObservation, deviceSummary } from '../domain/device-alerts.ts';
import { hsmObservation, hsmSummary } from '../domain/hsm-alerts.ts';
import {
  evaluateCondition,
  nextStatuses,
  repeatDue,
  ruleApplies,
  ruleWatches,
  silenceMatches,
  summarize,
  type AlertRule,
  type AlertStatus,
  type Observation,
  type ObservationKind,
} from '../domain/alert-lifecycle.ts';
import { activeMaintenance, type MaintenanceWindow } from '../domain/maintenance.ts';
import type { NotificationChannel } from '../domain/notification-channels.ts';
import type { Alert } from '../domain/types.ts';
import { certificateExpiring, monitorIdOf, monitorSubject, type Monitor } from '../domain/monitor.ts';
import type { Notifier } from './notifier.ts';

interface EvaluatorDeps {
  alerts: AlertRepository;
  checks: CheckRepository;
  overview: OverviewRepository;
  /** Hubitat devices' battery and health (LOW_BATTERY, DEVICE_OFFLINE). */
  devices: DeviceRepository;
  notifier: Notifier;
  maintenance: MaintenanceRepository;
  /** What the backup rules look at (see backup-monitoring.ts). */
  backups: () => Promise<Record<'backupAge' | 'backupFailed', Observation[]>>;
  /** User-defined monitors: their names label alerts, their stores go on them, their certificates are watched. */
  monitors?: { list(): Promise<Monitor[]> };
}

/** One pass over every enabled rule and every subject it watches: moves alerts along and notifies. */
export function createAlertEvaluator({
  alerts,
  checks,
  overview,
  devices,
  notifier,
  maintenance,
  backups,
  monitors,
}: EvaluatorDeps) {
  /** What alerts need to know about subjects beyond their names, read once per evaluation. */
  async function knownSubjects(now: Date, watchesDevices: boolean, watchesHsm: boolean) {
    const [all, hubs, deviceSnapshots, hubSecurity] = await Promise.all([
      monitors?.list() ?? [],
      overview.hubs(),
      watchesDevices ? devices.all() : [],
      watchesHsm ? devices.hubSecurity() : [],
    ]);
    const securityByHub = new Map(hubSecurity.map((hub) => [hub.hubId, hub]));
    const byId = new Map(all.map((monitor) => [monitor.id, monitor]));
    const hubStores = new Map(hubs.map((hub) => [hub.id, hub.storeId]));
    const deviceObservations = deviceSnapshots.map(deviceObservation);
    const deviceStores = new Map(deviceObservations.map((device) => [device.subject, device.storeId]));
    /** A monitor by its name, in summaries; other subjects as they are. */
    const label = (subject: string) => byId.get(monitorIdOf(subject) ?? '')?.name ?? subject;
    return {
      monitors: all,
      devices: deviceObservations,
      hubSecurity,
      /** One line for people; a device's says its label and reading. */
      summary: (rule: AlertRule, subject: string, observation?: Observation) => {
        if (observation?.kind === 'device') return deviceSummary(rule, observation, now.getTime());
        if (rule.kind === 'HSM_ALERT') return hsmSummary(securityByHub.get(subject), subject);
        const expiresAt = byId.get(monitorIdOf(subject) ?? '')?.certificateExpiresAt;
        return rule.kind === 'CERTIFICATE_EXPIRING' && expiresAt
          ? `the TLS certificate of ${label(subject)} expires on ${expiresAt.toISOString().slice(0, 10)}`
          : summarize(rule, label(subject));
      },
      /** A monitor's, a device's or a hub's store (HUB_OFFLINE subjects are hub ids, health rows hub:<id>). */
      storeOf: (subject: string): string | null => {
        const monitorId = monitorIdOf(subject);
        if (monitorId !== null) return byId.get(monitorId)?.storeId ?? null;
        if (deviceStores.has(subject)) return deviceStores.get(subject)!;
        const hubId = subject.replace(/^hub:/, '');
        return hubStores.get(hubId) ?? securityByHub.get(hubId)?.storeId ?? null;
      },
    };
  }
  type Subjects = Awaited<ReturnType<typeof knownSubjects>>;

  /**
   * The window keeping an alert's subject in maintenance now, if any. Hub alerts name the hub by
   * its id, which the health matrix (and so a window) calls `hub:<id>`.
   */
  function maintenanceOf(
    windows: MaintenanceWindow[],
    kind: ObservationKind,
    subject: string,
    now: Date,
    known: Subjects,
  ) {
    if (windows.length === 0) return null;
    const name = kind === 'hub' || kind === 'hsm' ? `hub:${subject}` : subject;
    return activeMaintenance(windows, { name, storeId: known.storeOf(name) }, now);
  }

  async function observe(
    rules: AlertRule[],
    now: Date,
    known: Subjects,
  ): Promise<Record<ObservationKind, Observation[]>> {
    const watching = (kind: ObservationKind) => rules.some((rule) => ruleWatches(rule, kind));
    const latencyDepth = Math.max(
      0,
      ...rules.filter((rule) => rule.kind === 'LATENCY_ABOVE').map((rule) => rule.consecutiveChecks),
    );
    const services = watching('service')
      ? await Promise.all(
          (await checks.states()).map(async (state) => ({
            kind: 'service' as const,
            subject: state.name,
            starting: state.status === 'STARTING',
            down: state.status === 'DOWN',
            downSinceMs: state.lastChangeAt.getTime(),
            consecutiveFailures: state.consecutiveFailures,
            recentLatenciesMs: latencyDepth > 0 ? await checks.recentLatencies(state.name, latencyDepth) : [],
          })),
        )
      : [];
    const breakers = watching('breaker')
      ? (await overview.breakers()).map((b) => ({
          kind: 'since' as const,
          subject: `${b.service}/${b.name}`,
          active: b.state === 'OPEN',
          sinceMs: b.lastChangeAt.getTime(),
        }))
      : [];
    const hubs = watching('hub')
      ? (await overview.hubs()).map((h) => ({
          kind: 'since' as const,
          subject: h.id,
          active: h.status !== 'ONLINE',
          sinceMs: h.changedAt.getTime(),
        }))
      : [];
    const longestWindowMs =
      1000 * Math.max(0, ...rules.filter((rule) => ruleWatches(rule, 'counters')).map((rule) => rule.forSeconds));
    const counters = watching('counters')
      ? [...(await checks.counterSamples(new Date(now.getTime() - longestWindowMs))).entries()].map(
          ([subject, samples]) => ({ kind: 'counters' as const, subject, samples }),
        )
      : [];
    const backupObservations =
      watching('backupAge') || watching('backupFailed') ? await backups() : { backupAge: [], backupFailed: [] };
    const certificates = watching('certificate')
      ? known.monitors
          .filter((monitor) => monitor.enabled && monitor.http?.certificateExpiryDays != null)
          .map((monitor) => ({
            kind: 'since' as const,
            subject: monitorSubject(monitor.id),
            active: certificateExpiring(monitor.certificateExpiresAt, monitor.http!.certificateExpiryDays, now),
            sinceMs: now.getTime(),
          }))
      : [];
    return {
      service: services,
      breaker: breakers,
      hub: hubs,
      counters,
      ...backupObservations,
      certificate: certificates,
      device: known.devices,
      hsm: known.hubSecurity.map(hsmObservation),
    };
  }

  /** What one evaluation knows, and what one transition is about beyond its subject. */
  interface Move {
    now: Date;
    known: Subjects;
    channels: NotificationChannel[];
    /** The maintenance window it fires in (recorded silenced, notified once the window is over). */
    maintenanceId?: string | null;
    /** What the rule saw, when a reading says it better than the rule (a device's battery). */
    observation?: Observation;
  }

  async function move(
    alert: Alert | null,
    rule: AlertRule,
    subject: string,
    status: AlertStatus,
    silenced: boolean,
    { now, known, channels, maintenanceId = null, observation }: Move,
  ) {
    // Firing is notified, and resolving what had fired; never a silenced alert.
    const owed = (moved: Alert) =>
      !moved.silenced && (status === 'FIRING' || (status === 'RESOLVED' && moved.firedAt !== null));
    const moved = await alerts.transition(
      alert,
      {
        ruleId: rule.id,
        ruleName: rule.name,
        subject,
        summary: known.summary(rule, subject, observation),
        storeId: known.storeOf(subject),
      },
      status,
      silenced,
      now,
      (row) => (owed(row) ? notifier.draftsFor(row, rule, status, channels, now) : []),
      maintenanceId,
    );
    if (owed(moved)) notifier.wake();
    return moved;
  }

  return async function evaluate(now: Date): Promise<void> {
    const allRules = await alerts.rules();
    const rules = allRules.filter((rule) => rule.enabled);
    const known = await knownSubjects(
      now,
      rules.some((rule) => ruleWatches(rule, 'device')),
      rules.some((rule) => ruleWatches(rule, 'hsm')),
    );
    const [observations, open, silences, windows, channels] = await Promise.all([
      observe(rules, now, known),
      alerts.openAlerts(),
      alerts.activeSilences(now),
      maintenance.windows(),
      notifier.enabledChannels(),
    ]);
    const moving = { now, known, channels };
    const firing: { alert: Alert; rule: AlertRule }[] = [];
    for (const rule of rules) {
      const kind = (
        ['service', 'breaker', 'hub', 'counters', 'backupAge', 'backupFailed', 'certificate', 'device', 'hsm'] as const
      ).find((k) => ruleWatches(rule, k))!;
      for (const observation of observations[kind]) {
        if (!ruleApplies(rule, observation.subject)) continue;
        const key = `${rule.id}|${observation.subject}`;
        let alert = open.get(key) ?? null;
        open.delete(key);
        const silencedNow = () => silences.some((s) => silenceMatches(s.matcher, rule.name, observation.subject));
        for (const status of nextStatuses(alert?.status ?? null, evaluateCondition(rule, observation, now.getTime()))) {
          // A silence or a maintenance window decides when the alert fires; resolving one that fired
          // silenced stays quiet too.
          if (status !== 'FIRING') {
            alert = await move(alert, rule, observation.subject, status, alert?.silenced ?? false, {
              ...moving,
              maintenanceId: alert?.maintenanceId,
              observation,
            });
            continue;
          }
          const window = maintenanceOf(windows, kind, observation.subject, now, known);
          alert = await move(alert, rule, observation.subject, status, silencedNow() || window !== null, {
            ...moving,
            maintenanceId: window?.id,
            observation,
          });
        }
        // Still firing when its maintenance is over: it fires again, now as any alert would (notified unless silenced).
        if (
          alert?.status === 'FIRING' &&
          alert.maintenanceId !== null &&
          !maintenanceOf(windows, kind, observation.subject, now, known)
        )
          alert = await move(alert, rule, observation.subject, 'FIRING', silencedNow(), { ...moving, observation });
        if (alert?.status === 'FIRING') firing.push({ alert, rule });
      }
    }
    // Reminders of what still fires, nobody acknowledged and no silence covers (the rule's repeat interval).
    for (const { alert, rule } of firing) {
      const silencedNow = silences.some((s) => silenceMatches(s.matcher, rule.name, alert.subject));
      if (!repeatDue(rule, alert, silencedNow, now)) continue;
      if (await alerts.renotify(alert, now, notifier.draftsFor(alert, rule, 'FIRING', channels, now, true)))
        notifier.wake();
    }
    // What is left open has nothing watching it any more (rule disabled or retargeted, subject gone): it is over.
    for (const alert of open.values()) {
      const rule = allRules.find((r) => r.id === alert.ruleId);
      if (rule)
        await move(alert, rule, alert.subject, 'RESOLVED', alert.silenced, {
          ...moving,
          maintenanceId: alert.maintenanceId,
        });
    }
  };
}
