// How the webhook pages write times and outcomes.

export const date = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

/** "42 ms", "1.3 s". */
export function latency(ms: number | null | undefined): string {
  if (ms == null) return '—';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A delivery's body as sent, indented for reading (it is JSON; anything else is shown as it came). */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
