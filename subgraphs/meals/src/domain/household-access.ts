import { ForbiddenError, NotFoundError, type Principal } from '@switchyard/shared';
import type { HouseholdMember } from './types.ts';

/**
 * Who may see and change what. Everything meals stores belongs to a household; another
 * household's things are reported as missing (NOT_FOUND), so ids cannot be probed.
 */
export function householdOf(membership: HouseholdMember | null): string {
  if (!membership) {
    throw new ForbiddenError(
      'You are not in a household yet: create one with createHousehold, or ask a household owner to add you',
    );
  }
  return membership.householdId;
}

export function ownedBy<T extends { householdId: string }>(
  thing: T | null,
  householdId: string,
  entity: string,
  id: string,
): T {
  if (!thing || thing.householdId !== householdId) throw new NotFoundError(entity, id);
  return thing;
}

/** Members are managed by the household's owner or an admin. */
export function assertCanManageMembers(
  principal: Principal,
  membership: HouseholdMember | null,
  householdId: string,
): void {
  if (principal.role === 'ADMIN') return;
  if (membership?.householdId === householdId && membership.role === 'OWNER') return;
  throw new ForbiddenError('Only the household owner or an admin can manage its members');
}

/** A user may see the household of anyone in their own household; admins see every household. */
export function canSeeHouseholdOf(
  principal: Principal,
  own: HouseholdMember | null,
  theirs: HouseholdMember | null,
): boolean {
  if (!theirs) return false;
  return principal.role === 'ADMIN' || own?.householdId === theirs.householdId;
}
