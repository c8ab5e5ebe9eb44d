import { Gauge } from 'prom-client';
import type { Backup } from '../domain/types.ts';

/*
 * In prom-client's global registry, which every service registry of this process includes (see
 * packages/shared/src/metrics.ts). Each replica sets them from the database after every attempt it
 * sees and on every scheduler round, so any replica's /metrics tells the same.
 */
const lastSuccess = new Gauge({
  name: 'backup_last_success_timestamp_seconds',
  help: 'When the last good backup finished (Unix time); 0 before the first',
});
const lastSize = new Gauge({
  name: 'backup_last_success_size_bytes',
  help: 'Size of the last good backup archive in bytes; 0 before the first',
});

export function recordBackupMetrics(last: Backup | null): void {
  lastSuccess.set(last?.finishedAt ? last.finishedAt.getTime() / 1000 : 0);
  lastSize.set(last?.sizeBytes ?? 0);
}
