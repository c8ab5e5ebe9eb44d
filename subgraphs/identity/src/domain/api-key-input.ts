import { z } from 'zod';

/*
 * API key expiry and rotation. The rotated-out secret keeps working for a grace period so the
 * programs using it can be switched over without an outage: one day unless the caller says
 * otherwise, at most seven (as long as a deploy of every integration can reasonably take; a
 * longer overlap would leave two live secrets for what should be a short handover). Zero ends the
 * old secret at once (a leaked key).
 */
export const DEFAULT_ROTATION_GRACE_SECONDS = 24 * 60 * 60;
export const MAX_ROTATION_GRACE_SECONDS = 7 * 24 * 60 * 60;

/** Keys expiring sooner than this are flagged (the web's API keys page warns about them). */
export const EXPIRY_WARNING_DAYS = 7;

/** An expiry must lie in the future; null or absent: the key never expires. */
export const expiresAtSchema = (now: () => Date) =>
  z
    .date()
    .refine((at) => at > now(), 'must be in the future')
    .nullish();

export const rotationGraceSchema = z
  .number()
  .int('must be a whole number of seconds')
  .min(0, 'must not be negative')
  .max(MAX_ROTATION_GRACE_SECONDS, `must be at most ${MAX_ROTATION_GRACE_SECONDS} seconds (7 days)`)
  .nullish()
  .transform((seconds) => seconds ?? DEFAULT_ROTATION_GRACE_SECONDS);
