import { ConflictError } from '@switchyard/shared';
import type { AssetStatus } from './types.ts';

export type AssetAction = 'allocate' | 'release' | 'markFaulty';

/**
 * Which statuses each action starts from. Repositories apply an action as a conditional UPDATE
 * (`WHERE status IN (…)`), so of two concurrent actions on one asset only one can win.
 */
export const ALLOWED_FROM: Record<AssetAction, readonly AssetStatus[]> = {
  allocate: ['IN_STOCK'],
  release: ['ALLOCATED'],
  markFaulty: ['IN_STOCK', 'ALLOCATED'],
};

export const STATUS_AFTER: Record<AssetAction, AssetStatus> = {
  allocate: 'ALLOCATED',
  release: 'IN_STOCK',
  markFaulty: 'FAULTY',
};

/** The CONFLICT for an action the asset's current status does not allow. */
export function transitionError(action: AssetAction, current: AssetStatus): ConflictError {
  const allowed = ALLOWED_FROM[action].join(' or ');
  return new ConflictError(
    `Cannot ${action === 'markFaulty' ? 'mark as faulty' : action} an asset that is ${current} (it must be ${allowed})`,
  );
}
