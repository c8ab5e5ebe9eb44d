/** What the observability subgraph's scheduled backups use of `npm run backup`. */
export { archiveName, runBackup } from './backup.ts';
export { backupConfigOf, type BackupConfig } from './config.ts';
export { archiveSize, archiveTarball } from './tarball.ts';
