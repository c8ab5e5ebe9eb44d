import type { NewDomainEvent } from '@switchyard/shared';
import type { ShoppingList } from './types.ts';

/**
 * List-level changes (created, renamed, archived, deleted) for the lists page of every member.
 * Per list (aggregate: the list), so renaming one list never contends with another.
 */
export const SHOPPING_LIST_AGGREGATE = 'ShoppingList';

export type ShoppingListsChangeKind = 'CREATED' | 'RENAMED' | 'ARCHIVED' | 'UNARCHIVED' | 'DELETED';

export interface ShoppingListsChangePayload {
  householdId: string;
  listId: string;
  kind: ShoppingListsChangeKind;
  /** The list after the change; null once deleted. */
  list: ShoppingList | null;
  changedBy: string | null;
}

const TYPES: Record<ShoppingListsChangeKind, string> = {
  CREATED: 'ShoppingListCreated',
  RENAMED: 'ShoppingListRenamed',
  ARCHIVED: 'ShoppingListArchived',
  UNARCHIVED: 'ShoppingListUnarchived',
  DELETED: 'ShoppingListDeleted',
};

export function shoppingListsChanged(payload: ShoppingListsChangePayload): NewDomainEvent<ShoppingListsChangePayload> {
  return {
    type: TYPES[payload.kind],
    aggregateType: SHOPPING_LIST_AGGREGATE,
    aggregateId: payload.listId,
    actor: { kind: 'user', id: payload.changedBy },
    payload,
  };
}

/** Event payloads travel as JSON: the list's timestamp comes back as a string. */
export function reviveShoppingList(list: ShoppingList | null): ShoppingList | null {
  return list && { ...list, createdAt: new Date(list.createdAt) };
}
