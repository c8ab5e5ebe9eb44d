const stops = new Set<(signal: string) => Promise<void>>();
const FORCED_EXIT_MS = 10_000;
let stopping = false;

/**
 * Runs `stop` on SIGINT or SIGTERM, then exits: 0 once every stop registered in this process has
 * finished, 1 if one failed or they take longer than 10 s. Services register here rather than
 * exiting on their own because several may share one process (the launcher's all-in-one mode):
 * the first to finish must not end the others' shutdown, which closes their databases.
 */
export function stopOnSignal(stop: (signal: string) => Promise<void>): void {
  if (stops.size === 0)
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll(signal));
  stops.add(stop);
}

async function stopAll(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), FORCED_EXIT_MS).unref();
  const results = await Promise.allSettled([...stops].map((stop) => stop(signal)));
  process.exit(results.every(({ status }) => status === 'fulfilled') ? 0 : 1);
}
