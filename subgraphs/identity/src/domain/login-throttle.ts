/**
 * Login throttling that an attacker cannot turn against the account's owner.
 *
 * Attempts are counted per client address and per account *from one address or one device*; there
 * is no counter for an account as a whole, so failures from one place never stop a login from
 * another (an account-wide lock would let anyone lock anyone out). A device that has signed in to
 * the account before is counted on its own: failures from others behind the same address (an
 * office NAT) do not slow it.
 *
 * Each attempt is claimed before the password is checked, atomically in the database, so a burst of
 * concurrent guesses gets no more password checks than the limit. Past its free attempts a key
 * waits before its next attempt: per account, progressively (1 s, 2 s, 4 s … up to `lockSeconds`);
 * per address, `lockSeconds` at once (it is the attacker's own address). A successful login clears
 * the account's key; counts also start afresh after `2 × lockSeconds` without an attempt.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  lockSeconds: number;
}

export interface ThrottleRule {
  key: string;
  /** Attempts before waiting starts. */
  freeAttempts: number;
  /** The wait after the first attempt beyond the free ones; it doubles with each further one. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** Without an attempt for this long, the count starts afresh. */
  resetAfterSeconds: number;
}

/** Addresses get a higher limit because many people can share one (an office NAT). */
export const ADDRESS_LIMIT_FACTOR = 4;

export interface LoginOrigin {
  clientIp: string | null;
  /** The hash of a device id this account has signed in from before; null for a new device. */
  knownDevice: string | null;
}

export function throttleRules(email: string, origin: LoginOrigin, policy: ThrottlePolicy): ThrottleRule[] {
  const resetAfterSeconds = policy.lockSeconds * 2;
  const perAccount = (from: string): ThrottleRule => ({
    key: `email:${email}|${from}`,
    freeAttempts: policy.maxFailures,
    firstDelaySeconds: 1,
    maxDelaySeconds: policy.lockSeconds,
    resetAfterSeconds,
  });
  if (origin.knownDevice) return [perAccount(`device:${origin.knownDevice}`)];
  // Without an address (a caller the gateway could not place), all such callers share one key.
  const address = origin.clientIp ?? 'unknown';
  return [
    perAccount(`ip:${address}`),
    {
      key: `ip:${address}`,
      freeAttempts: policy.maxFailures * ADDRESS_LIMIT_FACTOR,
      firstDelaySeconds: policy.lockSeconds,
      maxDelaySeconds: policy.lockSeconds,
      resetAfterSeconds,
    },
  ];
}

/** The wait that the `attempt`-th attempt (1-based) imposes on the next one, 0 while attempts are free. */
export function delayAfter(rule: ThrottleRule, attempt: number): number {
  if (attempt < rule.freeAttempts) return 0;
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** (attempt - rule.freeAttempts));
}
