// Formatting shared by the monitoring pages. Plain functions: the pages pass `now` so relative times tick.

/** "12 s ago", "5 min ago", "3 h ago", "2 d ago"; "in 4 min" for the future. */
export function relative(iso: string | null | undefined, now: number): string {
  if (!iso) return '—';
  const diff = now - Date.parse(iso);
  const seconds = Math.round(Math.abs(diff) / 1000);
  // Pages tick every few seconds, so a fresh timestamp may lie slightly ahead of `now`.
  if (diff > -10_000 && diff < 5_000) return 'just now';
  const text =
    seconds < 60
      ? `${seconds} s`
      : seconds < 3600
        ? `${Math.floor(seconds / 60)} min`
        : seconds < 86_400
          ? `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`
          : `${Math.floor(seconds / 86_400)} d ${Math.floor((seconds % 86_400) / 3600)} h`;
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

export const absolute = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

/** A 0–1 share as a percentage; null (no checks in the window) as a dash. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  if (share >= 1) return '100%';
  // Never round 99.996 % up to a misleading 100 %.
  return `${(Math.floor(share * 10_000) / 100).toFixed(2)}%`;
}

export const latency = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : `${ms} ms`);

/** Seconds as "90 s", "5 min", "2 h". */
export function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

export const lower = (value: string) => value.toLowerCase().replace(/_/g, ' ');
