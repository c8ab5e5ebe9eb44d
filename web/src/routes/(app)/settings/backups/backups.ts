import { graphql } from '$lib/graphql/generated/index.js';

/** A backup as the table shows it; `startBackup` returns the same, so the cache has it whole. */
export const BackupRowFragment = graphql(`
  fragment BackupRow on Backup {
    id
    trigger
    status
    startedAt
    finishedAt
    sizeBytes
    localPath
    s3Url
    error
    downloadPath
  }
`);

export const BackupsQuery = graphql(`
  query Backups {
    backups(first: 20) {
      ...BackupRow
    }
    backupSettings {
      schedule
      nextRunAt
      keepLast
      keepDaily
      keepWeekly
      s3Enabled
      lastSucceededAt
    }
  }
`);

export const StartBackupMutation = graphql(`
  mutation StartBackup {
    startBackup {
      ...BackupRow
    }
  }
`);
