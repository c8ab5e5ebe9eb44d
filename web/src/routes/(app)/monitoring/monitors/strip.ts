// The strips read checks since the start of the previous ten minutes, so the query's variable changes rarely.
export const STRIP_STEP_MS = 10 * 60_000;
export const stripFrom = (now = Date.now()) =>
  new Date(Math.floor(now / STRIP_STEP_MS) * STRIP_STEP_MS - STRIP_STEP_MS).toISOString();
/** Latencies and times are re-read this often; status changes arrive live. */
export const POLL_MS = 15_000;
