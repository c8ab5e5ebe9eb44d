import type { Logger } from '@switchyard/shared';
import type { SceneService } from '../services/scene-service.ts';

export interface SceneSchedulerOptions {
  service: Pick<SceneService, 'runDue'>;
  logger: Logger;
  /** How often due schedules are looked for; cron has minute precision, so a few seconds is plenty. */
  tickMs?: number;
}

/**
 * Runs due schedules. They are claimed in the database (FOR UPDATE SKIP LOCKED on nextRunAt), so
 * with replicas every slot runs once, on one of them; a slot missed while no replica ran is run
 * once, late, when one starts.
 */
export function startSceneScheduler({ service, logger, tickMs = 5_000 }: SceneSchedulerOptions) {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= service
      .runDue()
      .then(() => undefined)
      .catch((error: unknown) => logger.error({ err: error }, 'scene scheduler tick failed'))
      .finally(() => {
        running = null;
      });
  }, tickMs);
  timer.unref();

  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      if (running) await running;
    },
  };
}
