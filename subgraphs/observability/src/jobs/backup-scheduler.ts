import { randomUUID } from 'node:crypto';
import { ConflictError, type Logger } from '@switchyard/shared';
import { Cron } from 'croner';
import type { LeaseRepository } from '../data/repositories.ts';
import type { BackupService } from './backup-service.ts';

const LEASE = 'backup-scheduler';

export interface BackupSchedulerOptions {
  schedule: string;
  service: BackupService;
  leases: LeaseRepository;
  logger: Logger;
  /** How often the lease is renewed (the checker's interval); it expires after three missed renewals. */
  renewMs: number;
}

/** When the schedule fires next (server time), for BackupSettings.nextRunAt. */
export function nextRunOf(schedule: string | null, after = new Date()): Date | null {
  if (!schedule) return null;
  const cron = new Cron(schedule, { paused: true });
  const next = cron.nextRun(after);
  cron.stop();
  return next;
}

/**
 * BACKUP_SCHEDULE in every replica, acted on by one: the holder of the "backup-scheduler" lease,
 * renewed every `renewMs` and taken over by another replica once it lapsed. When the lease is
 * taken (at start or on a takeover), attempts left RUNNING by a dead process are marked FAILED.
 */
export function startBackupScheduler(options: BackupSchedulerOptions) {
  const { service, leases, logger } = options;
  const holder = randomUUID();
  const ttlMs = options.renewMs * 3;
  let holding = false;
  let renewal: Promise<void> | null = null;

  async function renew(): Promise<void> {
    const held = await leases.acquire(LEASE, holder, ttlMs);
    if (held && !holding) {
      await service.failAbandoned();
      logger.info({ schedule: options.schedule }, 'this replica takes the scheduled backups');
    }
    holding = held;
    await service.refreshMetrics();
  }
  const renewNow = () => {
    renewal ??= renew()
      .catch((error: unknown) => {
        holding = false;
        logger.warn({ err: error }, 'backup scheduler lease not renewed');
      })
      .finally(() => void (renewal = null));
    return renewal;
  };
  const timer = setInterval(() => void renewNow(), options.renewMs);
  timer.unref();
  void renewNow();

  async function onTick(): Promise<void> {
    await renewal;
    if (!holding) return;
    try {
      await service.start('SCHEDULED');
    } catch (error) {
      if (error instanceof ConflictError) logger.info('scheduled backup skipped: a backup is running');
      else logger.error({ err: error }, 'scheduled backup not started');
    }
  }
  // stop() waits for a tick under way: until service.start returns, BackupService.stop (drain,
  // before the database closes) does not know of the backup it is starting.
  let tick: Promise<void> | null = null;
  const cron = new Cron(options.schedule, { protect: true }, () => (tick = onTick().finally(() => (tick = null))));

  return {
    async stop() {
      cron.stop();
      clearInterval(timer);
      await tick;
      await renewal;
      await leases.release(LEASE, holder).catch(() => undefined);
    },
  };
}
