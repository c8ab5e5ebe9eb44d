// Formatting for the backups page; plain functions so they are tested without a browser.

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'];

/** "512 B", "1.5 KiB", "22.3 MiB": binary units, as `du -h` and the README's figures use. */
export function bytes(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value < 1024) return `${value} B`;
  let scaled = value;
  let unit = -1;
  while (scaled >= 1024 && unit < UNITS.length - 1) {
    scaled /= 1024;
    unit++;
  }
  // One decimal below 100 ("22.3 MiB"), none above ("512 MiB"): three significant figures at most.
  return `${scaled < 100 ? scaled.toFixed(1) : Math.round(scaled)} ${UNITS[unit]}`;
}

/** How long a finished backup took: "850 ms", "12 s", "3 min 5 s". */
export function took(startedAt: string, finishedAt: string | null | undefined): string {
  if (!finishedAt) return '';
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** BACKUP_KEEP in words: "the newest 3, and the newest of each of the last 7 days and 4 weeks". */
export function retention({
  keepLast,
  keepDaily,
  keepWeekly,
}: {
  keepLast: number;
  keepDaily: number;
  keepWeekly: number;
}) {
  const periods = [
    keepDaily ? `${keepDaily} ${keepDaily === 1 ? 'day' : 'days'}` : '',
    keepWeekly ? `${keepWeekly} ${keepWeekly === 1 ? 'week' : 'weeks'}` : '',
  ].filter(Boolean);
  const parts = [
    keepLast ? `the newest ${keepLast}` : '',
    periods.length ? `the newest of each of the last ${periods.join(' and ')}` : '',
  ].filter(Boolean);
  return parts.join(', and ');
}
