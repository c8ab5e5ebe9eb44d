import type { SecurityEventType } from '$lib/graphql/generated/graphql.js';

/** Each security event type as the log shows it, in the order the type filter offers them. */
export const EVENT_LABELS: Record<SecurityEventType, string> = {
  SIGN_IN_SUCCEEDED: 'Signed in',
  SIGN_IN_FAILED: 'Sign-in failed',
  SIGNED_OUT: 'Signed out',
  PASSWORD_CHANGED: 'Password changed',
  PASSWORD_RESET_REQUESTED: 'Password reset requested',
  PASSWORD_RESET: 'Password reset',
  EMAIL_CHANGE_REQUESTED: 'Email change requested',
  EMAIL_CHANGED: 'Email changed',
  TWO_FACTOR_ENABLED: 'Two-factor turned on',
  TWO_FACTOR_DISABLED: 'Two-factor turned off',
  RECOVERY_CODE_USED: 'Recovery code used',
  RECOVERY_CODES_REGENERATED: 'Recovery codes replaced',
  SESSION_REVOKED: 'Session revoked',
  API_KEY_CREATED: 'API key created',
  API_KEY_ROTATED: 'API key rotated',
  API_KEY_REVOKED: 'API key revoked',
  USER_CREATED: 'User created',
  ROLE_CHANGED: 'Role changed',
  USER_DEACTIVATED: 'User deactivated',
  USER_REACTIVATED: 'User reactivated',
  INVITATION_SENT: 'Invitation sent',
  INVITATION_REVOKED: 'Invitation revoked',
  INVITATION_ACCEPTED: 'Invitation accepted',
};

export const EVENT_TYPES = Object.keys(EVENT_LABELS) as SecurityEventType[];

export const isEventType = (value: string | null): value is SecurityEventType =>
  value !== null && Object.hasOwn(EVENT_LABELS, value);

// Ids are shown elsewhere on the row (or mean nothing to a reader); the rest is the event's story.
const HIDDEN = new Set(['sessionId', 'apiKeyId', 'ownerId']);

/** An event's detail (a JSON object) as short "key: value" facts, e.g. "from: VIEWER", "to: OPERATOR". */
export function detailFacts(detail: string | null | undefined): string[] {
  if (!detail) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return [detail];
  }
  if (!parsed || typeof parsed !== 'object') return [String(parsed)];
  // Sorted: the database keeps a JSON object's keys in its own order, not the order they were written in.
  return Object.entries(parsed)
    .sort(([a], [b]) => a.localeCompare(b))
    .filter(([key, value]) => !HIDDEN.has(key) && value !== null && value !== undefined)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
}

/** A date input's day (YYYY-MM-DD, local time) as the instant it starts; `endOfDay` for the instant after it. */
export function dayToInstant(day: string | null, endOfDay = false): string | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const start = new Date(`${day}T00:00:00`);
  if (Number.isNaN(start.getTime())) return null;
  if (endOfDay) start.setDate(start.getDate() + 1);
  return start.toISOString();
}
