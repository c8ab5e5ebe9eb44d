import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'launcher.lock';

export interface HeldDataDir {
  /** The absolute folder this launcher owns until release. */
  dir: string;
  /** Why it is not the folder asked for (another running copy holds that one), or null. */
  movedBecause: string | null;
  release(): void;
}

/**
 * Two processes must never open the same PGlite folder, so a launcher holds its DATA_DIR with a
 * lock file naming its pid and gateway port. A second copy started with other ports but the
 * default DATA_DIR (the README's "second copy" case) gets `<default>-<PORT>` instead, said at start;
 * an explicitly set DATA_DIR held by a running copy is refused. A lock whose pid is gone is stale.
 */
export function holdDataDir(requested: string, explicit: boolean, gatewayPort: number): HeldDataDir {
  const wanted = path.resolve(requested);
  const holder = liveHolder(wanted);
  if (!holder) return hold(wanted, gatewayPort, null);
  const busy = `${wanted} is in use by the copy of Switchyard on port ${holder.port} (pid ${holder.pid})`;
  if (explicit) throw new Error(`DATA_DIR=${requested}: ${busy}; give this copy its own DATA_DIR`);
  const own = `${wanted}-${gatewayPort}`;
  const ownHolder = liveHolder(own);
  if (ownHolder) throw new Error(`${busy}, and ${own} by pid ${ownHolder.pid}; set DATA_DIR`);
  return hold(own, gatewayPort, busy);
}

function hold(dir: string, port: number, movedBecause: string | null): HeldDataDir {
  mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, LOCK_FILE);
  writeFileSync(lock, JSON.stringify({ pid: process.pid, port }));
  return {
    dir,
    movedBecause,
    release: () => {
      if (liveHolder(dir)?.pid === process.pid) rmSync(lock, { force: true });
    },
  };
}

function liveHolder(dir: string): { pid: number; port: number } | null {
  let holder: { pid: number; port: number };
  try {
    holder = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number; port: number };
  } catch {
    return null;
  }
  if (holder.pid === process.pid) return holder;
  try {
    process.kill(holder.pid, 0);
    return holder;
  } catch (error) {
    // EPERM: the pid lives but belongs to someone else (still a running copy).
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? holder : null;
  }
}
