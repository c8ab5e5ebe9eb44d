import { BadUserInputError } from '@switchyard/shared';
import type { ProvisioningStep, Store, StoreType } from './types.ts';

export const STEP_TITLES = {
  'network-configured': 'Network configured',
  'hardware-allocated': 'Hardware allocated',
  'hub-paired': 'Hub paired',
  'pos-tested': 'POS tested',
  'staff-trained': 'Staff trained',
} as const;
export type StepKey = keyof typeof STEP_TITLES;

/** The steps a new store of each type walks through before it can be activated, in order. */
export const STEP_TEMPLATES: Record<StoreType, readonly StepKey[]> = {
  FLAGSHIP: ['network-configured', 'hardware-allocated', 'hub-paired', 'pos-tested', 'staff-trained'],
  STANDARD: ['network-configured', 'hardware-allocated', 'hub-paired', 'pos-tested', 'staff-trained'],
  WAREHOUSE: ['network-configured', 'hardware-allocated', 'hub-paired', 'staff-trained'],
  KIOSK: ['network-configured', 'hardware-allocated', 'pos-tested'],
  HOME: ['network-configured', 'hub-paired'],
};

export function stepsFor(type: StoreType): { key: StepKey; title: string; position: number }[] {
  return STEP_TEMPLATES[type].map((key, position) => ({ key, title: STEP_TITLES[key], position }));
}

/** Percentage of steps done, 0–100 (a store without steps is fully provisioned). */
export function provisioningProgress(steps: readonly ProvisioningStep[]): number {
  if (steps.length === 0) return 100;
  return Math.floor((steps.filter((step) => step.doneAt).length * 100) / steps.length);
}

/**
 * A precondition for completing one step, checked inside the step's transaction. This is the
 * seam for rules owned elsewhere: the hardware subgraph will gate `hardware-allocated` on the
 * store's allocated assets by registering a guard here.
 */
export type StepGuard = (store: Store) => Promise<void> | void;

/** Guards that depend only on the store itself. */
export const BUILT_IN_STEP_GUARDS: Partial<Record<StepKey, StepGuard>> = {
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
