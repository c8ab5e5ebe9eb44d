import { z } from 'zod';
import type { BackupResolvers } from '../generated/graphql.ts';
import { backupDownloadPath } from '../routes/backup-download-route.ts';

export const backupsFirstSchema = z.number().int().min(1).max(100);

export const Backup: BackupResolvers = {
  // Only a finished archive that is still on this installation's disk can be downloaded.
  downloadPath: (backup) => (backup.status === 'SUCCEEDED' && backup.localPath ? backupDownloadPath(backup.id) : null),
};
