// API key expiry and rotation on the API keys page: plain functions, tested without a browser.

/** How long a rotated-out secret keeps working (identity allows 0 to 7 days; one day when not said). */
export const GRACE_CHOICES = [
  { seconds: 0, label: 'No time: stop it now (it leaked)' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 86_400, label: '1 day' },
  { seconds: 3 * 86_400, label: '3 days' },
  { seconds: 7 * 86_400, label: '7 days (the longest)' },
] as const;

export type KeyState = 'revoked' | 'expired' | 'expiring' | 'active';

const DAY_MS = 86_400_000;

/** Where a key stands: revoked and expired keys no longer work; an expiring one stops within 7 days. */
export function keyState(key: { revokedAt?: string | null; expiresAt?: string | null }, now: number): KeyState {
  if (key.revokedAt) return 'revoked';
  if (!key.expiresAt) return 'active';
  const left = Date.parse(key.expiresAt) - now;
  if (left <= 0) return 'expired';
  return left <= 7 * DAY_MS ? 'expiring' : 'active';
}

/** "in 3 days", "in 5 hours", "in 12 minutes": how soon an expiring key stops. */
export function timeLeft(expiresAt: string, now: number): string {
  const ms = Date.parse(expiresAt) - now;
  const plural = (n: number, unit: string) => `in ${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms >= DAY_MS) return plural(Math.floor(ms / DAY_MS), 'day');
  if (ms >= 3_600_000) return plural(Math.floor(ms / 3_600_000), 'hour');
  return plural(Math.max(Math.ceil(ms / 60_000), 1), 'minute');
}

/** A date input's day as the end of that day, local time: a key "valid until the 31st" works all of the 31st. */
export function endOfDay(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const end = new Date(`${day}T23:59:59.999`);
  return Number.isNaN(end.getTime()) ? null : end.toISOString();
}
