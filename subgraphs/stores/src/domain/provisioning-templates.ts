import { parseInput } from '@switchyard/shared';
import { z } from 'zod';
import type { StoreType } from './types.ts';

/** One step of a template, as stored and as stores copy it (`position` = index in the template). */
export interface TemplateStep {
  key: string;
  title: string;
  required: boolean;
  position: number;
}

/** An immutable version of a store type's step list. */
export interface ProvisioningTemplate {
  storeType: StoreType;
  version: number;
  steps: TemplateStep[];
  createdById: string | null;
  createdAt: Date;
}

export const MAX_TEMPLATE_STEPS = 30;
const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const stepSchema = z.object({
  key: z
    .string()
    .min(1, 'must not be empty')
    .max(40, 'must be at most 40 characters')
    .regex(KEY, 'must be words of a-z and 0-9 joined by single hyphens, e.g. pos-tested'),
  title: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  required: z
    .boolean()
    .nullish()
    .transform((required) => required ?? true),
});

const stepsSchema = z
  .array(stepSchema)
  .max(MAX_TEMPLATE_STEPS, `must have at most ${MAX_TEMPLATE_STEPS} steps`)
  .superRefine((steps, context) => {
    // Steps are addressed by key (completeProvisioningStep, step guards), so a key may appear once.
    const seen = new Set<string>();
    steps.forEach((step, index) => {
      if (seen.has(step.key))
        context.addIssue({ code: 'custom', path: [index, 'key'], message: `${step.key} is used by an earlier step` });
      seen.add(step.key);
    });
  });

/**
 * The steps of a template to publish, in the order given: BAD_USER_INPUT on `steps.<i>.key` or
 * `steps.<i>.title` (or `steps` when there are too many).
 */
export function parseTemplateSteps(steps: unknown): TemplateStep[] {
  return parseInput(stepsSchema, steps, 'steps').map((step, position) => ({ ...step, position }));
}
