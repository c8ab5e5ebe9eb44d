import type { AlertRepository, CheckRepository, OverviewRepository } from '../data/repositories.ts';
import {
  evaluateCondition,
  nextStatuses,
  ruleApplies,
  ruleWatches,
  silenceMatches,
  summarize,
  type AlertRule,
  type AlertStatus,
  type Observation,
  type ObservationKind,
} from '../domain/alert-lifecycle.ts';
import type { Alert } from '../domain/types.ts';
import { certificateExpiring, monitorIdOf, monitorSubject, type Monitor } from '../domain/monitor.ts';
import type { Notifier } from './notifier.ts';

interface EvaluatorDeps {
  alerts: AlertRepository;
  checks: CheckRepository;
  overview: OverviewRepository;
  notifier: Notifier;
  /** What the backup rules look at (see backup-monitoring.ts). */
  backups: () => Promise<Record<'backupAge' | 'backupFailed', Observation[]>>;
  /** User-defined monitors: their names label alerts, their stores go on them, their certificates are watched. */
  monitors?: { list(): Promise<Monitor[]> };
}

/** One pass over every enabled rule and every subject it watches: moves alerts along and notifies. */
export function createAlertEvaluator({ alerts, checks, overview, notifier, backups, monitors }: EvaluatorDeps) {
  /** What alerts need to know about subjects beyond their names, read once per evaluation. */
  async function subjects() {
    const [all, hubs] = await Promise.all([monitors?.list() ?? [], overview.hubs()]);
    const byId = new Map(all.map((monitor) => [monitor.id, monitor]));
    const hubStores = new Map(hubs.map((hub) => [hub.id, hub.storeId]));
    /** A monitor by its name, in summaries; other subjects as they are. */
    const label = (subject: string) => byId.get(monitorIdOf(subject) ?? '')?.name ?? subject;
    return {
      monitors: all,
      summary: (rule: AlertRule, subject: string) => {
        const expiresAt = byId.get(monitorIdOf(subject) ?? '')?.certificateExpiresAt;
        return rule.kind === 'CERTIFICATE_EXPIRING' && expiresAt
          ? `the TLS certificate of ${label(subject)} expires on ${expiresAt.toISOString().slice(0, 10)}`
          : summarize(rule, label(subject));
      },
      /** A monitor's store, a hub's store (HUB_OFFLINE subjects are hub ids). */
      storeOf: (subject: string): string | null => {
        const monitorId = monitorIdOf(subject);
        if (monitorId !== null) return byId.get(monitorId)?.storeId ?? null;
        return hubStores.get(subject.replace(/^hub:/, '')) ?? null;
      },
    };
  }
  type Subjects = Awaited<ReturnType<typeof subjects>>;

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
    };
  }

  async function move(
    alert: Alert | null,
    rule: AlertRule,
    subject: string,
    status: AlertStatus,
    silenced: boolean,
    now: Date,
    known: Subjects,
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
        summary: known.summary(rule, subject),
        storeId: known.storeOf(subject),
      },
      status,
      silenced,
      now,
      (row) => (owed(row) ? notifier.draftsFor(row, rule, status) : []),
    );
    if (owed(moved)) notifier.wake();
    return moved;
  }

  return async function evaluate(now: Date): Promise<void> {
    const allRules = await alerts.rules();
    const rules = allRules.filter((rule) => rule.enabled);
    const known = await subjects();
    const [observations, open, silences] = await Promise.all([
      observe(rules, now, known),
      alerts.openAlerts(),
      alerts.activeSilences(now),
    ]);
    for (const rule of rules) {
      const kind = (
        ['service', 'breaker', 'hub', 'counters', 'backupAge', 'backupFailed', 'certificate'] as const
      ).find((k) => ruleWatches(rule, k))!;
      for (const observation of observations[kind]) {
        if (!ruleApplies(rule, observation.subject)) continue;
        const key = `${rule.id}|${observation.subject}`;
        let alert = open.get(key) ?? null;
        open.delete(key);
        for (const status of nextStatuses(alert?.status ?? null, evaluateCondition(rule, observation, now.getTime()))) {
          // A silence decides when the alert fires; resolving one that fired silenced stays quiet too.
          const silenced =
            status === 'FIRING'
              ? silences.some((s) => silenceMatches(s.matcher, rule.name, observation.subject))
              : (alert?.silenced ?? false);
          alert = await move(alert, rule, observation.subject, status, silenced, now, known);
        }
      }
    }
    // What is left open has nothing watching it any more (rule disabled or retargeted, subject gone): it is over.
    for (const alert of open.values()) {
      const rule = allRules.find((r) => r.id === alert.ruleId);
      if (rule) await move(alert, rule, alert.subject, 'RESOLVED', alert.silenced, now, known);
    }
  };
}
