import type {
  AlertRepository,
  CheckRepository,
  MaintenanceRepository,
  OverviewRepository,
  SubjectRepository,
} from '../data/repositories.ts';
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
import { activeMaintenance, type MaintenanceWindow } from '../domain/maintenance.ts';
import type { Alert } from '../domain/types.ts';
import type { Notifier } from './notifier.ts';

interface EvaluatorDeps {
  alerts: AlertRepository;
  checks: CheckRepository;
  overview: OverviewRepository;
  notifier: Notifier;
  maintenance: MaintenanceRepository;
  subjects: SubjectRepository;
  /** What the backup rules look at (see backup-monitoring.ts). */
  backups: () => Promise<Record<'backupAge' | 'backupFailed', Observation[]>>;
}

/** One pass over every enabled rule and every subject it watches: moves alerts along and notifies. */
export function createAlertEvaluator({
  alerts,
  checks,
  overview,
  notifier,
  maintenance,
  subjects,
  backups,
}: EvaluatorDeps) {
  /**
   * The window keeping an alert's subject in maintenance now, if any. Hub alerts name the hub by
   * its id, which the health matrix (and so a window) calls `hub:<id>`. The subject's store is
   * looked up only when a store's window could matter.
   */
  async function maintenanceOf(windows: MaintenanceWindow[], kind: ObservationKind, subject: string, now: Date) {
    if (windows.length === 0) return null;
    const name = kind === 'hub' ? `hub:${subject}` : subject;
    const storeId = windows.some((w) => w.scope === 'STORE') ? await subjects.storeOfSubject(name) : null;
    return activeMaintenance(windows, { name, storeId }, now);
  }

  async function observe(rules: AlertRule[], now: Date): Promise<Record<ObservationKind, Observation[]>> {
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
    return { service: services, breaker: breakers, hub: hubs, counters, ...backupObservations };
  }

  async function move(
    alert: Alert | null,
    rule: AlertRule,
    subject: string,
    status: AlertStatus,
    silenced: boolean,
    now: Date,
    maintenanceId: string | null = null,
  ) {
    // Firing is notified, and resolving what had fired; never a silenced alert.
    const owed = (moved: Alert) =>
      !moved.silenced && (status === 'FIRING' || (status === 'RESOLVED' && moved.firedAt !== null));
    const moved = await alerts.transition(
      alert,
      { ruleId: rule.id, ruleName: rule.name, subject, summary: summarize(rule, subject) },
      status,
      silenced,
      now,
      (row) => (owed(row) ? notifier.draftsFor(row, rule, status) : []),
      maintenanceId,
    );
    if (owed(moved)) notifier.wake();
    return moved;
  }

  return async function evaluate(now: Date): Promise<void> {
    const allRules = await alerts.rules();
    const rules = allRules.filter((rule) => rule.enabled);
    const [observations, open, silences, windows] = await Promise.all([
      observe(rules, now),
      alerts.openAlerts(),
      alerts.activeSilences(now),
      maintenance.windows(),
    ]);
    for (const rule of rules) {
      const kind = (['service', 'breaker', 'hub', 'counters', 'backupAge', 'backupFailed'] as const).find((k) =>
        ruleWatches(rule, k),
      )!;
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
            alert = await move(
              alert,
              rule,
              observation.subject,
              status,
              alert?.silenced ?? false,
              now,
              alert?.maintenanceId,
            );
            continue;
          }
          const window = await maintenanceOf(windows, kind, observation.subject, now);
          alert = await move(
            alert,
            rule,
            observation.subject,
            status,
            silencedNow() || window !== null,
            now,
            window?.id,
          );
        }
        // Still firing when its maintenance is over: it fires again, now as any alert would (notified unless silenced).
        if (
          alert?.status === 'FIRING' &&
          alert.maintenanceId !== null &&
          !(await maintenanceOf(windows, kind, observation.subject, now))
        )
          await move(alert, rule, observation.subject, 'FIRING', silencedNow(), now);
      }
    }
    // What is left open has nothing watching it any more (rule disabled or retargeted, subject gone): it is over.
    for (const alert of open.values()) {
      const rule = allRules.find((r) => r.id === alert.ruleId);
      if (rule) await move(alert, rule, alert.subject, 'RESOLVED', alert.silenced, now, alert.maintenanceId);
    }
  };
}
