export type RunOutcome = 'SUCCEEDED' | 'PARTIAL' | 'FAILED';

/** What happened to one action of a run. */
export interface ActionResult {
  position: number;
  deviceId: string;
  deviceLabel: string | null;
  command: string;
  arguments: string[];
  ok: boolean;
  /** The error code (e.g. SERVICE_UNAVAILABLE) and message when it failed. */
  errorCode: string | null;
  error: string | null;
}

/** Every action done: SUCCEEDED; none: FAILED; some: PARTIAL. */
export function runOutcome(results: readonly Pick<ActionResult, 'ok'>[]): RunOutcome {
  const done = results.filter((r) => r.ok).length;
  if (done === results.length) return 'SUCCEEDED';
  return done === 0 ? 'FAILED' : 'PARTIAL';
}
