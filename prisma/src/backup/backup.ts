import { readFile, mkdir, realpath, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../subgraph-schemas.ts';
import { BACKUP_FORMAT, createDumpFile, writeManifest, type Manifest, type ManifestSubgraph } from './archive.ts';
import type { BackupConfig } from './config.ts';
import { planDump } from './sources.ts';

/** `switchyard-20261206T201530.123Z`: sorts by time, and two backups in one second do not collide. */
export function archiveName(at: Date): string {
  return `switchyard-${at.toISOString().replace(/[-:]/g, '')}`;
}

async function projectVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

const samePath = async (a: string, b: string) =>
  a === b || (await realpath(a).catch(() => a)) === (await realpath(b).catch(() => b));

/**
 * Writes one backup of every subgraph's database to a new folder under BACKUP_DIR and returns its
 * path. The folder appears complete or not at all: it is written as `<name>.partial` and renamed
 * once its manifest and checksums are in place. `createdAt` names it (default now): the scheduled
 * job records the attempt under that name before it starts.
 */
export async function runBackup(config: BackupConfig, log: (line: string) => void, createdAt = new Date()) {
  const archive = join(config.backupDir, archiveName(createdAt));
  const partial = `${archive}.partial`;
  await mkdir(partial, { recursive: true });
  try {
    const subgraphs: ManifestSubgraph[] = [];
    for (const target of config.subgraphs) {
      const plan = await planDump(target, config.dataDir, config.internalSigningSecret);
      if (!plan) {
        log(`${target.name}: no database in ${config.dataDir} yet, skipped`);
        continue;
      }
      const started = Date.now();
      const file = await createDumpFile(partial, target.name);
      try {
        await plan.run(file.write);
      } catch (error) {
        file.abort();
        throw new Error(`${target.name}: dump from ${plan.describe} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      const entry = await file.finish();
      if (entry.subgraph !== target.name || !(await samePath(entry.location, plan.expectedLocation))) {
        throw new Error(
          `${target.name}: the service at ${target.serviceUrl} serves ${entry.subgraph} from ${entry.location}, ` +
            `not ${plan.expectedLocation}: set HOST and the ports as for the npm start that runs it`,
        );
      }
      const rows = Object.values(entry.rowCounts).reduce((a, b) => a + b, 0);
      log(
        `${target.name}: ${rows} rows in ${Object.keys(entry.rowCounts).length} tables from ${plan.describe} (${Date.now() - started} ms)`,
      );
      subgraphs.push(entry);
    }
    if (subgraphs.length === 0) throw new Error(`no subgraph database found (DATA_DIR=${config.dataDir})`);
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      createdAt: createdAt.toISOString(),
      version: await projectVersion(),
      subgraphs,
    };
    await writeManifest(partial, manifest);
    await rename(partial, archive);
    return { archive, manifest };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}
