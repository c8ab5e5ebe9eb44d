/**
 * Failed logins are counted per account and per client address; past the limit the key is locked
 * for a while. Addresses get a higher limit because many people can share one (an office NAT).
 */
export interface ThrottlePolicy {
  maxFailures: number;
  lockSeconds: number;
}

export const ADDRESS_LIMIT_FACTOR = 4;

export function throttleKeys(email: string, clientIp: string | null, policy: ThrottlePolicy) {
  const keys = [{ key: `email:${email}`, maxFailures: policy.maxFailures }];
  if (clientIp) keys.push({ key: `ip:${clientIp}`, maxFailures: policy.maxFailures * ADDRESS_LIMIT_FACTOR });
  return keys;
}

/** Seconds left on the longest lock, 0 when none applies. */
export function secondsLocked(lockedUntil: (Date | null)[], now: Date): number {
  const latest = Math.max(0, ...lockedUntil.map((until) => (until ? until.getTime() - now.getTime() : 0)));
  return Math.ceil(latest / 1000);
}
