// npm run restore -- <backup folder> [--only <subgraph>]... [--force]
// Checks every checksum, then restores the backup into the configured databases (DATA_DIR, or
// DATABASE_URL / <SUBGRAPH>_DATABASE_URL): see the README's Backups section.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '@switchyard/shared/config';
import { loadBackupConfig } from '../src/backup/config.ts';
import { runRestore } from '../src/backup/restore.ts';

const USAGE = 'usage: npm run restore -- <backup folder> [--only <subgraph>]... [--force]';

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { only: { type: 'string', multiple: true }, force: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new Error(USAGE);
  const archive = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  await runRestore(
    loadBackupConfig(process.env),
    archive,
    { ...(values.only ? { only: values.only.flatMap((o) => o.split(',')) } : {}), force: values.force },
    (line) => console.log(line),
  );
  console.log('restore: done');
} catch (error) {
  const problems = error instanceof ConfigError ? error.problems : [(error as Error).message];
  for (const problem of problems) console.error(`restore failed: ${problem}`);
  process.exitCode = 1;
}
