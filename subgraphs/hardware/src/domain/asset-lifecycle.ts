import { ConflictError } from '@switchyard/shared';
import type { AssetStatus } from './types.ts';

export type AssetAction = 'allocate' | 'release' | 'markFaulty' | 'retire';

/**
 * Which statuses each action starts from. Repositories apply an action as a conditional UPDATE
 * (`WHERE status IN (…)`), so of two concurrent actions on one asset only one can win.
 */
export const ALLOWED_FROM: Record<AssetAction, readonly AssetStatus[]> = {
  allocate: ['IN_STOCK'],
  release: ['ALLOCATED'],
  markFaulty: ['IN_STOCK', 'ALLOCATED'],
  retire: ['IN_STOCK', 'ALLOCATED', 'FAULTY'],
};

export const STATUS_AFTER: Record<AssetAction, AssetStatus> = {
  allocate: 'ALLOCATED',
  release: 'IN_STOCK',
  markFaulty: 'FAULTY',
  retire: 'RETIRED',
};

const VERBS: Record<AssetAction, string> = {
  allocate: 'allocate',
  release: 'release',
  markFaulty: 'mark as faulty',
  retire: 'retire',
};
const STATUS_WORDS: Record<AssetStatus, string> = {
  IN_STOCK: 'in stock',
  ALLOCATED: 'allocated',
  FAULTY: 'faulty',
  RETIRED: 'retired',
};

/** The CONFLICT for an action the asset's current status does not allow, in plain words. */
export function transitionError(action: AssetAction, current: AssetStatus): ConflictError {
  const allowed = ALLOWED_FROM[action].map((status) => STATUS_WORDS[status]).join(' or ');
  return new ConflictError(`Cannot ${VERBS[action]} an asset that is ${STATUS_WORDS[current]} (it must be ${allowed})`);
}
