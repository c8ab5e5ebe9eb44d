import type { AlertRepository, CheckRepository, OverviewRepository } from '../data/repositories.ts';
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
import type { NotificationChannel } from '../domain/notification-channels.ts';
import type { Alert } from '../domain/types.ts';
import type { Notifier } from './notifier.ts';

interface EvaluatorDeps {
  alerts: AlertRepository;
  checks: CheckRepository;
  overview: OverviewRepository;
  notifier: Notifier;
  /** What the backup rules look at (see backup-monitoring.ts). */
  backups: () => Promise<Record<'backupAge' | 'backupFailed', Observation[]>>;
}

/** One pass over every enabled rule and every subject it watches: moves alerts along and notifies. */
export function createAlertEvaluator({ alerts, checks, overview, notifier, backups }: EvaluatorDeps) {
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
          storeId: h.storeId,
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
    channels: NotificationChannel[],
    storeId: string | null = null,
  ) {
    // Firing is notified, and resolving what had fired; never a silenced alert.
    const owed = (moved: Alert) =>
      !moved.silenced && (status === 'FIRING' || (status === 'RESOLVED' && moved.firedAt !== null));
    const moved = await alerts.transition(
      alert,
      { ruleId: rule.id, ruleName: rule.name, subject, summary: summarize(rule, subject), storeId },
      status,
      silenced,
      now,
      (row) => (owed(row) ? notifier.draftsFor(row, rule, status, channels, now) : []),
    );
    if (owed(moved)) notifier.wake();
    return moved;
  }

  const storeOf = (observation: Observation): string | null =>
    'storeId' in observation ? (observation.storeId ?? null) : null;

  return async function evaluate(now: Date): Promise<void> {
    const allRules = await alerts.rules();
    const rules = allRules.filter((rule) => rule.enabled);
    const [observations, open, silences, channels] = await Promise.all([
      observe(rules, now),
      alerts.openAlerts(),
      alerts.activeSilences(now),
      notifier.enabledChannels(),
    ]);
    const firing: { alert: Alert; rule: AlertRule }[] = [];
    for (const rule of rules) {
      const kind = (['service', 'breaker', 'hub', 'counters', 'backupAge', 'backupFailed'] as const).find((k) =>
        ruleWatches(rule, k),
      )!;
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
          alert = await move(alert, rule, observation.subject, status, silenced, now, channels, storeOf(observation));
        }
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
      if (rule) await move(alert, rule, alert.subject, 'RESOLVED', alert.silenced, now, channels);
    }
  };
}
