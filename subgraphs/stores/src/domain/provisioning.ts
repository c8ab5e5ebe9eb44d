import { BadUserInputError } from '@switchyard/shared';
import type { ProvisioningStep, Store } from './types.ts';

/**
 * Percentage of required steps done, 0–100: what stands between the store and activation (a store
 * without required steps is fully provisioned, whatever its optional steps).
 */
export function provisioningProgress(steps: readonly ProvisioningStep[]): number {
  const required = steps.filter((step) => step.required);
  if (required.length === 0) return 100;
  return Math.floor((required.filter((step) => step.doneAt).length * 100) / required.length);
}

/** Required steps not yet done: what holds back activation. */
export function openRequiredSteps(steps: readonly ProvisioningStep[]): ProvisioningStep[] {
  return steps.filter((step) => step.required && !step.doneAt);
}

/**
 * A precondition for completing one step, checked inside the step's transaction. This is the
 * seam for rules owned elsewhere: the hardware subgraph will gate `hardware-allocated` on the
 * store's allocated assets by registering a guard here. Guards go by key, so they apply to a step
 * of that key in any template version, required or optional.
 */
export type StepGuard = (store: Store) => Promise<void> | void;

/** Guards that depend only on the store itself. */
export const BUILT_IN_STEP_GUARDS: Partial<Record<string, StepGuard>> = {
  'network-configured': (store) => {
    if (!store.network)
      throw new BadUserInputError(
        'key',
        "Plan the store's network (subnet, VLAN and gateway) before marking it configured",
      );
  },
};

/** Checks that `key` can be completed now: a known, open step of a store not yet activated. */
export function checkStepCompletable(
  steps: readonly ProvisioningStep[],
  key: string,
  status: Store['status'],
): ProvisioningStep {
  const step = steps.find((candidate) => candidate.key === key);
  if (!step)
    throw new BadUserInputError(
      'key',
      `This store has no such provisioning step (its steps: ${steps.map((s) => s.title).join(', ')})`,
    );
  if (status !== 'DRAFT' && status !== 'PROVISIONING')
    throw new BadUserInputError('key', `Steps are completed before activation, not while ${status.toLowerCase()}`);
  if (step.doneAt) throw new BadUserInputError('key', `${step.title} is already done`);
  return step;
}
