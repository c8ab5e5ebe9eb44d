import { BadUserInputError, authorize, type Principal, type Role } from '@switchyard/shared';
import { openRequiredSteps } from './provisioning.ts';
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
 * needs every required provisioning step done (optional ones may stay open); the first activation
 * sets `openedAt`.
 */
export function planTransition(
  store: { status: StoreStatus; openedAt: Date | null },
  steps: readonly ProvisioningStep[],
  to: StoreStatus,
  now: Date,
): { status: StoreStatus; openedAt: Date | null } {
  const targets = allowedTargets(store.status);
  if (!targets.includes(to)) {
    const allowed = targets.length > 0 ? `it can become ${targets.map(statusWord).join(' or ')}` : 'that is final';
    throw new TransitionRefusedError(
      `A ${statusWord(store.status)} store cannot become ${statusWord(to)} (${allowed})`,
      {
        allowedTargets: targets,
      },
    );
  }
  if (to === 'ACTIVE') {
    const open = openRequiredSteps(steps);
    if (open.length > 0) {
      // The message names steps as people see them; openSteps gives clients their keys.
      throw new TransitionRefusedError(
        `Complete every provisioning step before activating (still open: ${open.map((step) => step.title).join(', ')})`,
        { allowedTargets: targets, openSteps: open.map((step) => step.key) },
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

/**
 * The type chooses the provisioning steps, so it can change only while they are being walked
 * through: an active store would otherwise gain open steps it can never complete.
 */
export function checkTypeChangeable(store: { status: StoreStatus }): void {
  if (store.status !== 'DRAFT' && store.status !== 'PROVISIONING')
    throw new BadUserInputError(
      'input.type',
      `The type can be changed only before the store is activated (it is ${statusWord(store.status)})`,
    );
}

/** Only drafts are deleted; a store that ever went further is decommissioned, so its history stays meaningful. */
export function checkDeletable(store: { status: StoreStatus }): void {
  if (store.status !== 'DRAFT')
    throw new BadUserInputError(
      'id',
      `Only draft stores can be deleted; decommission a ${statusWord(store.status)} store instead`,
    );
}

/** A status as a word in a sentence: "PROVISIONING" → "provisioning". */
export function statusWord(status: StoreStatus): string {
  return status.toLowerCase();
}
