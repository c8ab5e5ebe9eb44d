import { RateLimitedError } from '@switchyard/shared';
import type { LoginThrottleRepository } from '../data/repositories.ts';
import { throttleRules, type LoginOrigin, type ThrottlePolicy, type ThrottleRule } from '../domain/login-throttle.ts';

/**
 * Claims one attempt at a secret of the account (a password, a second-factor code) before it is
 * checked: RATE_LIMITED while a key waits. Passwords and codes share the same counts, so guessing
 * one cannot go faster than guessing the other. Release the returned rules after a success.
 */
export async function claimLoginAttempt(
  throttle: LoginThrottleRepository,
  policy: ThrottlePolicy,
  email: string,
  origin: LoginOrigin,
  at: Date,
): Promise<ThrottleRule[]> {
  const rules = throttleRules(email, origin, policy);
  const wait = await throttle.claim(rules, at);
  if (wait > 0) throw new RateLimitedError(`Too many failed attempts; try again in ${wait} seconds`, wait);
  return rules;
}
