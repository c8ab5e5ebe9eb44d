import type { ThrottleRule } from './login-throttle.ts';

/*
 * Limits on what can be asked of identity without a password: reset mails and link tokens. They
 * share the login throttle's table and its atomic claim, under keys of their own.
 */

export interface RecoveryLimits {
  /** Reset mails one address (email) may be sent per hour. */
  resetsPerAccount: number;
  /** Reset requests one client address may make per hour. */
  resetsPerClient: number;
}

const HOUR = 3_600;

/** Past the free requests a key waits 15 minutes, then longer, up to an hour; an hour's quiet starts it afresh. */
const hourly = (key: string, freeAttempts: number): ThrottleRule => ({
  key,
  freeAttempts,
  firstDelaySeconds: HOUR / 4,
  maxDelaySeconds: HOUR,
  resetAfterSeconds: HOUR,
});

/** Keyed by the client address (RATE_LIMITED past it) and by the address asked about (silently no more mail). */
export function resetRequestRules(email: string, clientIp: string | null, limits: RecoveryLimits) {
  return {
    client: hourly(`reset:ip:${clientIp ?? 'unknown'}`, limits.resetsPerClient),
    account: hourly(`reset:email:${email}`, limits.resetsPerAccount),
  };
}

/**
 * Wrong link tokens from one client address. A token is 256 random bits, so this is not what keeps
 * it from being guessed; it keeps a client from hammering the token lookups.
 */
export const LINK_ATTEMPTS_PER_CLIENT = 30;

export function linkAttemptRule(clientIp: string | null): ThrottleRule {
  return hourly(`link:ip:${clientIp ?? 'unknown'}`, LINK_ATTEMPTS_PER_CLIENT);
}
