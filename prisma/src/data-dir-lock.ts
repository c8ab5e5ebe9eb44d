import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The pid of the running process that holds `lockFile`, or null (no lock, or one left by a process
 * that ended). This process's own pid counts: the observability subgraph takes scheduled backups
 * of databases that services in its own process have open (itself, and every subgraph in the
 * all-in-one `npm start`), and must ask them rather than open the folder a second time.
 */
export async function lockHolder(lockFile: string): Promise<number | null> {
  const holder = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
  return Number.isInteger(holder) && isRunning(holder) ? holder : null;
}

/**
 * Claims `lockFile` for this process and returns its release. PGlite is single-user PostgreSQL and
 * does not lock its data directory itself (its postmaster.pid holds a fake pid), so a second process
 * opening the same directory, say `npm run db:migrate` beside a running service, would corrupt it.
 * A lock left by a process that no longer runs is taken over.
 */
export async function lockDataDir(lockFile: string, description: string): Promise<() => Promise<void>> {
  await mkdir(dirname(lockFile), { recursive: true });
  for (;;) {
    try {
      await writeFile(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
    // Our own pid can only be a leftover: within a process, openers share one instance.
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `${description} is in use by process ${holder}; PGlite serves a single process, so stop that one first`,
      );
    }
    await rm(lockFile, { force: true });
  }
}
