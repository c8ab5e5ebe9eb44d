import type { BackupRepository } from '../data/repositories.ts';
import type { Observation } from '../domain/alert-lifecycle.ts';
import type { CheckOutcome } from '../domain/health.ts';
import type { CheckTarget } from '../domain/types.ts';

/** The health matrix row and the alert rules' subject. */
export const BACKUP_SUBJECT = 'backups';

export interface BackupMonitoringOptions {
  backups: BackupRepository;
  /** Scheduled backups are on: only then is a missing backup a problem. */
  scheduled: boolean;
  staleAfterMs: number;
  /** Before any backup, age counts from here (this process's start). */
  sinceMs: number;
}

const hours = (ms: number) => `${Math.round(ms / 360_000) / 10} h`;

/**
 * The backups as the monitor sees them: a row of the health matrix (while scheduled backups are
 * on: DOWN when the newest attempt failed or the last good backup is older than the threshold),
 * and the observations of the BACKUP_STALE and BACKUP_FAILED rules.
 */
export function backupMonitoring(options: BackupMonitoringOptions) {
  const { backups } = options;
  return {
    async row(now: Date): Promise<{ target: CheckTarget; outcome: CheckOutcome } | null> {
      if (!options.scheduled) return null;
      const [good, latest] = await Promise.all([backups.lastSucceeded(), backups.latestFinished()]);
      const ageMs = now.getTime() - (good?.finishedAt?.getTime() ?? options.sinceMs);
      const error =
        latest?.status === 'FAILED'
          ? `the last backup failed: ${latest.error ?? 'unknown error'}`
          : ageMs > options.staleAfterMs
            ? good
              ? `the last good backup is ${hours(ageMs)} old`
              : `no good backup in ${hours(ageMs)}`
            : null;
      return {
        target: { name: BACKUP_SUBJECT, kind: 'BACKUP' },
        outcome: { ok: error === null, latencyMs: null, error },
      };
    },

    async observations(): Promise<Record<'backupAge' | 'backupFailed', Observation[]>> {
      const [good, latest] = await Promise.all([backups.lastSucceeded(), backups.latestFinished()]);
      return {
        backupAge: options.scheduled
          ? [{ kind: 'age', subject: BACKUP_SUBJECT, sinceMs: good?.finishedAt?.getTime() ?? options.sinceMs }]
          : [],
        backupFailed: [
          {
            kind: 'since',
            subject: BACKUP_SUBJECT,
            active: latest?.status === 'FAILED',
            sinceMs: latest?.finishedAt?.getTime() ?? 0,
          },
        ],
      };
    },
  };
}
