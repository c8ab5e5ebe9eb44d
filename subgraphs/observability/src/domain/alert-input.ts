import { z } from 'zod';
import { DEFAULT_LOW_BATTERY_PERCENT } from './device-alerts.ts';

const MIN_ERROR_RATE_WINDOW_SECONDS = 10;
const DEFAULT_ERROR_RATE_WINDOW_SECONDS = 300;

/** What an admin may write into an alert rule; the per-kind requirements are checked in the refinement. */
const ruleFields = {
  name: z.string().trim().min(1).max(100),
  target: z.string().trim().min(1).max(200).nullish(),
  thresholdMs: z.number().int().min(1).max(600_000).nullish(),
  thresholdPercent: z.number().gt(0).max(100).nullish(),
  consecutiveChecks: z.number().int().min(1).max(100).nullish(),
  forSeconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .nullish(),
  enabled: z.boolean().nullish(),
  channelIds: z
    .array(z.string())
    .max(20)
    .nullish()
    .transform((ids) => (ids ? [...new Set(ids)] : ids)),
  repeatIntervalSeconds: z
    .number()
    .int()
    .min(60)
    .max(7 * 86_400)
    .nullish(),
};

export const alertRuleInputSchema = z
  .object({
    ...ruleFields,
    kind: z.enum([
      'SERVICE_DOWN',
      'LATENCY_ABOVE',
      'BREAKER_OPEN',
      'HUB_OFFLINE',
      'ERROR_RATE',
      'BACKUP_STALE',
      'BACKUP_FAILED',
      'CERTIFICATE_EXPIRING',
      'LOW_BATTERY',
      'DEVICE_OFFLINE',
      'HSM_ALERT',
    ]),
  })
  .refine((rule) => rule.kind !== 'LATENCY_ABOVE' || rule.thresholdMs, {
    path: ['thresholdMs'],
    message: 'is required for LATENCY_ABOVE',
  })
  .refine((rule) => rule.kind !== 'ERROR_RATE' || rule.thresholdPercent, {
    path: ['thresholdPercent'],
    message: 'is required for ERROR_RATE',
  })
  .refine((rule) => rule.kind !== 'BACKUP_STALE' || rule.forSeconds, {
    path: ['forSeconds'],
    message: 'is required for BACKUP_STALE: the age of the last good backup that fires it',
  })
  .refine(
    (rule) => rule.kind !== 'ERROR_RATE' || rule.forSeconds == null || rule.forSeconds >= MIN_ERROR_RATE_WINDOW_SECONDS,
    {
      path: ['forSeconds'],
      message: `is the window an error rate is measured over: at least ${MIN_ERROR_RATE_WINDOW_SECONDS} s`,
    },
  )
  .transform((rule) => ({
    name: rule.name,
    kind: rule.kind,
    target: rule.target ?? null,
    thresholdMs: rule.thresholdMs ?? null,
    thresholdPercent: rule.thresholdPercent ?? (rule.kind === 'LOW_BATTERY' ? DEFAULT_LOW_BATTERY_PERCENT : null),
    consecutiveChecks: rule.consecutiveChecks ?? 2,
    forSeconds: rule.forSeconds ?? (rule.kind === 'ERROR_RATE' ? DEFAULT_ERROR_RATE_WINDOW_SECONDS : 0),
    enabled: rule.enabled ?? true,
    channelIds: rule.channelIds ?? [],
    repeatIntervalSeconds: rule.repeatIntervalSeconds ?? null,
  }));

/** A patch: absent fields stay; `target: null` widens the rule to every subject. */
export const alertRulePatchSchema = z
  .object(ruleFields)
  .partial()
  .transform((patch) =>
    Object.fromEntries(
      Object.entries(patch).filter(
        ([key, value]) =>
          value !== undefined &&
          (value !== null ||
            key === 'target' ||
            key === 'thresholdMs' ||
            key === 'thresholdPercent' ||
            key === 'repeatIntervalSeconds'),
      ),
    ),
  );

export const silenceSchema = z.object({
  matcher: z.string().trim().min(1).max(200),
  until: z.date().refine((until) => until.getTime() > Date.now(), 'must be in the future'),
  reason: z.string().trim().min(1).max(500),
});

/** updateSilence's changes: fields left out stay. */
export const silencePatchSchema = z
  .object({
    matcher: silenceSchema.shape.matcher.nullish(),
    until: silenceSchema.shape.until.nullish(),
    reason: silenceSchema.shape.reason.nullish(),
  })
  .transform(
    (patch) =>
      Object.fromEntries(Object.entries(patch).filter(([, value]) => value != null)) as Partial<
        z.output<typeof silenceSchema>
      >,
  );

/** Why an admin reset a circuit breaker by hand, and which one. */
export const breakerResetSchema = z.object({
  service: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(300),
  reason: z.string().trim().min(1).max(500),
});

export const noteSchema = z
  .string()
  .trim()
  .max(1000)
  .nullish()
  .transform((note) => note || null);
export const uuidSchema = z.uuid();
