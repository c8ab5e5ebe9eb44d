import { createHash } from 'node:crypto';
import type { Logger } from '@switchyard/shared';
import { Histogram } from 'prom-client';
import type { CheckRepository } from '../data/repositories.ts';
import type { MonitorRepository } from '../data/repositories.ts';
import { monitorHealth, monitorSubject, pushOverdue, type Monitor } from '../domain/monitor.ts';
import {
  dnsCheck,
  httpCheck,
  pingCheck,
  pingMode,
  tcpCheck,
  type MonitorCheckResult,
  type OutboundPolicy,
} from './monitor-checks.ts';

/** In prom-client's global registry, so every service registry of this process serves it (see backup-metrics.ts). */
const drift = new Histogram({
  name: 'monitor_check_drift_seconds',
  help: 'How late a monitor check started, against its planned time',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
});

export interface MonitorRunnerDeps {
  monitors: MonitorRepository;
  checks: CheckRepository;
  policy: OutboundPolicy;
  logger: Logger;
}

/** Runs one check of a monitor now and records it as the state monitor:<id>; returns what it found. */
export function createMonitorRunner({ monitors, checks, policy }: MonitorRunnerDeps) {
  async function probe(monitor: Monitor, now: Date): Promise<MonitorCheckResult> {
    const signal = AbortSignal.timeout(monitor.timeoutMs);
    switch (monitor.kind) {
      case 'HTTP':
        return httpCheck(monitor, policy, signal);
      case 'TCP':
        return tcpCheck(monitor, policy, signal);
      case 'DNS':
        return dnsCheck(monitor, signal);
      case 'PING':
        return pingCheck(monitor, policy, signal, await pingMode());
      case 'PUSH': {
        // Its last push is written by whichever replica was called: read it fresh.
        const lastPushAt = (await monitors.findById(monitor.id))?.lastPushAt ?? monitor.lastPushAt;
        const overdue = pushOverdue(lastPushAt, monitor.createdAt, monitor.intervalSeconds, now);
        return overdue
          ? { ok: false, latencyMs: null, error: `no push within ${monitor.intervalSeconds} s` }
          : { ok: true, latencyMs: null, error: null };
      }
    }
  }

  /** Records a result with the retries rule: DOWN only after `retries` failures in a row before it. */
  async function record(monitor: Monitor, result: MonitorCheckResult, at: Date): Promise<void> {
    const subject = monitorSubject(monitor.id);
    const [state, failuresBefore] = await Promise.all([
      checks.state(subject),
      result.ok ? Promise.resolve(0) : monitors.failuresInARow(subject, monitor.retries + 1),
    ]);
    const status = monitorHealth(result.ok, failuresBefore + 1, monitor.retries, state?.status ?? null);
    await checks.record({ name: subject, kind: 'MONITOR' }, result, status, at);
    if (
      result.certificateExpiresAt !== undefined &&
      result.certificateExpiresAt?.getTime() !== monitor.certificateExpiresAt?.getTime()
    )
      await monitors.setCertificateExpiresAt(monitor.id, result.certificateExpiresAt);
  }

  return {
    probe,
    record,
    async check(monitor: Monitor): Promise<void> {
      const at = new Date();
      const result = await probe(monitor, at);
      // Each push records its own result (UP, or DOWN with ?status=down): a check of a push monitor
      // only records the pushes' absence, or it would turn a reported DOWN back to UP.
      if (monitor.kind === 'PUSH' && result.ok) return;
      // A push that arrived while this check looked recorded its own (newer) result: keep it.
      if (monitor.kind === 'PUSH') {
        const lastPushAt = (await monitors.findById(monitor.id))?.lastPushAt;
        if (lastPushAt && lastPushAt.getTime() >= at.getTime() - monitor.intervalSeconds * 1000) return;
      }
      await record(monitor, result, at);
    },
  };
}

export type MonitorRunner = ReturnType<typeof createMonitorRunner>;

export interface MonitorSchedulerOptions {
  monitors: MonitorRepository;
  runner: MonitorRunner;
  logger: Logger;
  /** Whether this replica holds the checker lease (jobs/monitor.ts): only that one runs monitors. */
  isLeader: () => boolean;
  concurrency: number;
  /** How often the monitor table is polled for changes made on other replicas. */
  reloadMs: number;
}

interface Scheduled {
  monitor: Monitor;
  plannedAt: number;
  timer: NodeJS.Timeout | null;
}

/** The first check of a monitor within this long of its (re)load, spread by its id so a restart does not check them all at once. */
const FIRST_CHECK_SPREAD_MS = 10_000;

function firstOffsetMs(id: string, intervalMs: number): number {
  const spread = Math.min(intervalMs, FIRST_CHECK_SPREAD_MS);
  return createHash('sha1').update(id).digest().readUInt32BE(0) % spread;
}

/**
 * Runs every enabled monitor at its interval, on the replica holding the checker lease. Each
 * monitor has its own plan: the next check is planned an interval after the previous *planned*
 * time, not after the check finished, so slow checks do not make it drift; a check that could
 * not start before its next planned time is skipped. At most
 * `concurrency` checks run at once; how late each starts is the monitor_check_drift_seconds
 * histogram. Monitors created, changed or deleted here take effect at once (`reload`), from
 * other replicas within `reloadMs` (the table's version is polled).
 */
export function startMonitorScheduler(options: MonitorSchedulerOptions) {
  const { monitors, runner, logger } = options;
  const scheduled = new Map<string, Scheduled>();
  const waiting: (() => void)[] = [];
  let active = 0;
  let stopped = false;
  let version = '';
  const inFlight = new Set<Promise<void>>();

  const acquire = () =>
    active < options.concurrency
      ? (active++, Promise.resolve())
      : new Promise<void>((resolve) => waiting.push(() => (active++, resolve())));
  const releaseSlot = () => {
    active--;
    waiting.shift()?.();
  };

  function plan(entry: Scheduled) {
    if (stopped) return;
    entry.timer = setTimeout(() => fire(entry), Math.max(0, entry.plannedAt - Date.now()));
    entry.timer.unref();
  }

  function fire(entry: Scheduled) {
    const plannedAt = entry.plannedAt;
    const intervalMs = entry.monitor.intervalSeconds * 1000;
    // The next slot from the plan, past slots skipped (a paused process does not catch up in a burst).
    entry.plannedAt = plannedAt + intervalMs * Math.max(1, Math.ceil((Date.now() - plannedAt + 1) / intervalMs));
    plan(entry);
    if (!options.isLeader()) return;
    const run = (async () => {
      await acquire();
      try {
        if (scheduled.get(entry.monitor.id) !== entry || stopped) return;
        drift.observe(Math.max(0, Date.now() - plannedAt) / 1000);
        await runner.check(entry.monitor);
      } catch (error) {
        logger.warn({ err: error, monitor: entry.monitor.id }, 'monitor check not recorded');
      } finally {
        releaseSlot();
      }
    })();
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }

  async function reload(): Promise<void> {
    const all = await monitors.list();
    const seen = new Set<string>();
    for (const monitor of all) {
      if (!monitor.enabled) continue;
      seen.add(monitor.id);
      const current = scheduled.get(monitor.id);
      if (current && current.monitor.updatedAt.getTime() === monitor.updatedAt.getTime()) {
        // Same settings: keep the plan; the push time and certificate may have moved.
        current.monitor = monitor;
        continue;
      }
      if (current?.timer) clearTimeout(current.timer);
      const intervalMs = monitor.intervalSeconds * 1000;
      const entry: Scheduled = { monitor, plannedAt: Date.now() + firstOffsetMs(monitor.id, intervalMs), timer: null };
      scheduled.set(monitor.id, entry);
      plan(entry);
    }
    for (const [id, entry] of scheduled)
      if (!seen.has(id)) {
        if (entry.timer) clearTimeout(entry.timer);
        scheduled.delete(id);
      }
  }

  let reloading: Promise<void> | null = null;
  const refresh = (force: boolean) => {
    reloading ??= (async () => {
      const next = await monitors.version();
      if (!force && next === version) return;
      version = next;
      await reload();
    })()
      .catch((error: unknown) => logger.warn({ err: error }, 'monitors not reloaded'))
      .finally(() => void (reloading = null));
    return reloading;
  };
  const poller = setInterval(() => void refresh(false), options.reloadMs);
  poller.unref();
  const ready = refresh(true);

  return {
    ready,
    /** Reload now: a monitor was created, changed or deleted in this process. */
    reload: async () => {
      await reloading;
      await refresh(true);
    },
    /** How many monitors are planned. */
    size: () => scheduled.size,
    async stop() {
      stopped = true;
      clearInterval(poller);
      for (const entry of scheduled.values()) if (entry.timer) clearTimeout(entry.timer);
      scheduled.clear();
      await reloading;
      await Promise.all(inFlight);
    },
  };
}

export type MonitorScheduler = ReturnType<typeof startMonitorScheduler>;
