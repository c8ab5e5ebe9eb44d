// npm run backup
// One consistent backup of every subgraph's database, in a new folder under BACKUP_DIR (default
// DATA_DIR/backups): see prisma/src/backup/ and the README's Backups section.
import { ConfigError } from '@switchyard/shared/config';
import { loadBackupConfig } from '../src/backup/config.ts';
import { runBackup } from '../src/backup/backup.ts';

try {
  const { archive, manifest } = await runBackup(loadBackupConfig(process.env), (line) => console.log(line));
  console.log(`backup: ${archive} (${manifest.subgraphs.length} subgraph(s))`);
} catch (error) {
  const problems = error instanceof ConfigError ? error.problems : [(error as Error).message];
  for (const problem of problems) console.error(`backup failed: ${problem}`);
  process.exitCode = 1;
}
