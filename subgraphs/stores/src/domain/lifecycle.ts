import { BadUserInputError, authorize, type Principal, type Role } from '@switchyard/shared';
import type { ProvisioningStep, StoreStatus } from './types.ts';

/**
 * DRAFT → PROVISIONING → ACTIVE ⇄ SUSPENDED → DECOMMISSIONED, with PROVISIONING → DRAFT (back to
 * planning) and ACTIVE → DECOMMISSIONED. DECOMMISSIONED is final.
 */
const TRANSITIONS: Record<StoreStatus, readonly StoreStatus[]> = {
  DRAFT: ['PROVISIONING'],
  PROVISIONING: ['DRAFT', 'ACTIVE'],
  ACTIVE: ['SUSPENDED', 'DECOMMISSIONED'],
  SUSPENDED: ['ACTIVE', 'DECOMMISSIONED'],
  DECOMMISSIONED: [],
};

export function allowedTargets(from: StoreStatus): readonly StoreStatus[] {
  return TRANSITIONS[from];
}

/** BAD_USER_INPUT with details a client can act on (the allowed targets, the open steps). */
export class TransitionRefusedError extends BadUserInputError {
  constructor(message: string, details: { allowedTargets: readonly StoreStatus[]; openSteps?: string[] }) {
    super('to', message, details);
  }
}

/**
 * What moving a store from `from` to `to` also changes, or a TransitionRefusedError. Activation
 * needs every provisioning step done; the first activation sets `openedAt`.
 */
export function planTransition(
  store: { status: StoreStatus; openedAt: Date | null },
  steps: readonly ProvisioningStep[],
  to: StoreStatus,
  now: Date,
): { status: StoreStatus; openedAt: Date | null } {
  const targets = allowedTargets(store.status);
  if (!targets.includes(to)) {
    const allowed = targets.length > 0 ? `allowed: ${targets.join(', ')}` : `${store.status} is final`;
    throw new TransitionRefusedError(`A ${store.status} store cannot move to ${to} (${allowed})`, {
      allowedTargets: targets,
    });
  }
  if (to === 'ACTIVE') {
    const open = steps.filter((step) => !step.doneAt).map((step) => step.key);
    if (open.length > 0) {
      throw new TransitionRefusedError(
        `Complete every provisioning step before activating (open: ${open.join(', ')})`,
        { allowedTargets: targets, openSteps: open },
      );
    }
  }
  return { status: to, openedAt: to === 'ACTIVE' && !store.openedAt ? now : store.openedAt };
}

/** Only an ADMIN decommissions; every other move is an OPERATOR's. */
export function roleNeededFor(to: StoreStatus): Role {
  return to === 'DECOMMISSIONED' ? 'ADMIN' : 'OPERATOR';
}

export function authorizeTransition(principal: Principal | null, to: StoreStatus): void {
  authorize(principal, { role: roleNeededFor(to), scope: 'stores:write', userOnly: false });
}

/** A decommissioned store is history: it keeps its record and audit log, and nothing about it changes. */
export function checkEditable(store: { status: StoreStatus }): void {
  if (store.status === 'DECOMMISSIONED')
    throw new BadUserInputError('id', 'A decommissioned store can no longer be changed');
}

/** Only drafts are deleted; a store that ever went further is decommissioned, so its history stays meaningful. */
export function checkDeletable(store: { status: StoreStatus }): void {
  if (store.status !== 'DRAFT')
    throw new BadUserInputError('id', `Only DRAFT stores can be deleted; decommission a ${store.status} store instead`);
}
