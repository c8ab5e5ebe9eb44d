import { z } from 'zod';

/** What an admin may write into an alert rule; the per-kind requirements are checked in the refinement. */
const ruleFields = {
  name: z.string().trim().min(1).max(100),
  target: z.string().trim().min(1).max(200).nullish(),
  thresholdMs: z.number().int().min(1).max(600_000).nullish(),
  consecutiveChecks: z.number().int().min(1).max(100).nullish(),
  forSeconds: z.number().int().min(0).max(30 * 86_400).nullish(),
  enabled: z.boolean().nullish(),
};

export const alertRuleInputSchema = z
  .object({ ...ruleFields, kind: z.enum(['SERVICE_DOWN', 'LATENCY_ABOVE', 'BREAKER_OPEN', 'HUB_OFFLINE']) })
  .refine((rule) => rule.kind !== 'LATENCY_ABOVE' || rule.thresholdMs, { path: ['thresholdMs'], message: 'is required for LATENCY_ABOVE' })
  .transform((rule) => ({
    name: rule.name,
    kind: rule.kind,
    target: rule.target ?? null,
    thresholdMs: rule.thresholdMs ?? null,
    consecutiveChecks: rule.consecutiveChecks ?? 2,
    forSeconds: rule.forSeconds ?? 0,
    enabled: rule.enabled ?? true,
  }));

/** A patch: absent fields stay; `target: null` widens the rule to every subject. */
export const alertRulePatchSchema = z.object(ruleFields).partial().transform((patch) =>
  Object.fromEntries(Object.entries(patch).filter(([key, value]) => value !== undefined && (value !== null || key === 'target' || key === 'thresholdMs'))),
);

export const silenceSchema = z.object({
  matcher: z.string().trim().min(1).max(200),
  until: z.date().refine((until) => until.getTime() > Date.now(), 'must be in the future'),
  reason: z.string().trim().min(1).max(500),
});

export const noteSchema = z.string().trim().max(1000).nullish().transform((note) => note || null);
export const uuidSchema = z.uuid();
