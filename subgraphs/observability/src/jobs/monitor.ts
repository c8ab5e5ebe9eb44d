import { randomUUID } from 'node:crypto';
import type { Logger } from '@switchyard/shared';
import type { CheckRepository, LeaseRepository } from '../data/repositories.ts';
import { createStartupTracker, healthOf, type CheckOutcome } from '../domain/health.ts';
import { runCheck, type MonitoredTarget } from './health-checker.ts';
import type { HubCheck } from './hub-checks.ts';

export interface MonitorOptions {
  checks: CheckRepository;
  leases: LeaseRepository;
  evaluate: (now: Date) => Promise<void>;
  targets: MonitoredTarget[];
  /** Hub rows, as the hardware subgraph reports them; absent when hardware is not monitored. */
  hubs?: () => Promise<HubCheck[]>;
  /** The backups' row (null: scheduled backups are off, no row); see backup-monitoring.ts. */
  backupRow?: (now: Date) => Promise<HubCheck | null>;
  /** Brings the circuit breaker rows up to date with every service's own list. */
  syncBreakers: () => Promise<void>;
  logger: Logger;
  intervalMs: number;
  timeoutMs: number;
  degradedAboveMs: number;
  /** Failed checks of a target not yet seen ready are STARTING for this long after the monitor starts. */
  startupGraceMs: number;
}

const LEASE = 'monitor';

/**
 * The checker: every interval, checks every target, records the results and evaluates the alert
 * rules; once an hour, rolls finished hours up (retention deletes old checks). Only the replica holding the lease runs
 * it; the lease outlives a few missed intervals, then another replica takes over. Targets that
 * fail before they were first seen ready, within the start-up grace period, are STARTING.
 */
export function startMonitor(options: MonitorOptions) {
  const { checks, leases, logger, intervalMs } = options;
  const holder = randomUUID();
  const startup = createStartupTracker(Date.now(), options.startupGraceMs);
  const statusOf = (name: string, outcome: CheckOutcome, at: Date) =>
    healthOf(outcome, options.degradedAboveMs, startup.starting(name, outcome, at.getTime()));
  let lastCompaction = 0;
  let running: Promise<void> | null = null;
  let leader = false;

  async function tick(): Promise<void> {
    leader = await leases.acquire(LEASE, holder, intervalMs * 3 + options.timeoutMs).catch(() => false);
    if (!leader) return;
    const now = new Date();
    await Promise.all(
      options.targets.map(async (target) => {
        const outcome = await runCheck(target.probe, options.timeoutMs);
        // A failed scrape only leaves a gap in the counters: the error rate is measured across it.
        const counts = outcome.ok && target.scrape ? await target.scrape().catch(() => null) : null;
        await checks.record(target, outcome, statusOf(target.name, outcome, now), now, counts);
      }),
    );
    // Without an answer from hardware the hubs keep their last rows: hardware itself shows DOWN.
    const hubs = await options
      .hubs?.()
      .catch((error: unknown) => void logger.debug({ err: error }, 'hub statuses unavailable'));
    if (hubs) {
      for (const { target, outcome } of hubs)
        await checks.record(target, outcome, statusOf(target.name, outcome, now), now);
      await checks.retainOnly(
        'HUB',
        hubs.map((hub) => hub.target.name),
      );
    }
    if (options.backupRow) {
      const row = await options.backupRow(now);
      // Not a process that starts: no start-up grace, a failed backup is DOWN at once.
      if (row) await checks.record(row.target, row.outcome, healthOf(row.outcome, options.degradedAboveMs), now);
      await checks.retainOnly('BACKUP', row ? [row.target.name] : []);
    }
    // Before the evaluation, so that breaker rules see every breaker as it is now.
    await options
      .syncBreakers()
      .catch((error: unknown) => logger.warn({ err: error }, 'circuit breaker lists not recorded'));
    await options.evaluate(new Date());
    if (now.getTime() - lastCompaction > 3_600_000) {
      lastCompaction = now.getTime();
      await checks.rollUp(now);
    }
  }

  const run = () => {
    // A slow tick is not overlapped by the next one: that one is skipped.
    running ??= tick()
      .catch((error) => logger.error({ err: error }, 'health check round failed'))
      .finally(() => void (running = null));
    return running;
  };
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  void run();

  return {
    /** Whether this replica held the lease at its last round: user-defined monitors run where the checker runs. */
    isLeader: () => leader,
    async stop() {
      leader = false;
      clearInterval(timer);
      await running;
      await leases.release(LEASE, holder).catch(() => undefined);
    },
  };
}
