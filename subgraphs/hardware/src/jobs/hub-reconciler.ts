import type { Logger } from '@switchyard/shared';
import type { HubRepository } from '../data/repositories.ts';
import type { HubService } from '../services/hub-service.ts';

export interface HubReconcilerOptions {
  hubs: HubRepository;
  service: HubService;
  intervalMs: number;
  logger: Logger;
  /** Also reads each polled hub's mode, HSM and variables (hub controls), repairing lost location events. */
  afterPoll?: (hubId: string) => Promise<unknown>;
  /** Hubs claimed per tick; the rest wait for the next tick. */
  batchSize?: number;
}

/**
 * Polls each hub's devices/all every `intervalMs` to repair missed events and to notice hubs going
 * offline or coming back. Hubs are claimed in the database, so with replicas each hub is polled
 * by one of them per interval.
 */
export function startHubReconciler({
  hubs,
  service,
  intervalMs,
  logger,
  afterPoll,
  batchSize = 10,
}: HubReconcilerOptions) {
  let running: Promise<void> | null = null;

  async function tick(): Promise<void> {
    const due = await hubs.claimDue(batchSize, intervalMs, new Date());
    await Promise.all(
      due.map((hubId) =>
        service
          .poll(hubId)
          .then(() => afterPoll?.(hubId))
          .catch((error: unknown) => logger.error({ err: error, hubId }, 'hub reconciliation failed')),
      ),
    );
  }

  // Ticks more often than the interval so a hub is polled close to when it is due; claims decide.
  const timer = setInterval(
    () => {
      running ??= tick()
        .catch((error: unknown) => logger.error({ err: error }, 'hub reconciliation tick failed'))
        .finally(() => {
          running = null;
        });
    },
    Math.max(100, Math.floor(intervalMs / 4)),
  );
  timer.unref();

  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      if (running) await running;
    },
  };
}
