import { NotFoundError, appendToOutbox, entityById, idempotent, type IdempotencyRequest } from '@switchyard/shared';
import type { PrismaClient, ShoppingItem as ItemRow, ShoppingList as ListRow } from '../generated/prisma/client.ts';
import { fromDbDate, toDbDate } from '../domain/dates.ts';
import { shoppingListChanged } from '../domain/events.ts';
import { shoppingListsChanged, type ShoppingListsChangeKind } from '../domain/shopping-list-events.ts';
import type { ShoppingSource } from '../domain/shopping-sources.ts';
import type { ShoppingItem, ShoppingList } from '../domain/types.ts';
import type { Transaction } from './household-repository.ts';
import type { GeneratedLine, ItemChanges, NewItem, ShoppingListRepository } from './repositories.ts';

/** `onCommitted` is told after a transaction that recorded events commits (the outbox relay publishes them). */
export function createShoppingListRepository(db: PrismaClient, onCommitted: () => void): ShoppingListRepository {
  return {
    async create(
      householdId: string,
      name: string,
      weekStart: string | null,
      lines: GeneratedLine[],
      idempotency: IdempotencyRequest | null = null,
      changedBy: string | null = null,
    ): Promise<ShoppingList> {
      const created = await db.$transaction((tx) =>
        idempotent(
          tx,
          idempotency,
          async () => {
            const list = toList(
              await tx.shoppingList.create({
                data: {
                  householdId,
                  name,
                  weekStart: weekStart ? toDbDate(weekStart) : null,
                  items: {
                    create: lines.map(({ sources, ...line }, position) => ({
                      ...line,
                      position,
                      sources: sources?.length ? (sources as object[]) : undefined,
                    })),
                  },
                },
              }),
            );
            await appendToOutbox(
              tx,
              shoppingListsChanged({ householdId, listId: list.id, kind: 'CREATED', list, changedBy }),
            );
            return list;
          },
          createdList,
        ),
      );
      onCommitted();
      return created;
    },

    async rename(list: ShoppingList, name: string, changedBy: string | null): Promise<ShoppingList> {
      return listChange(list, 'RENAMED', { name }, changedBy);
    },

    async setArchived(list: ShoppingList, archived: boolean, changedBy: string | null): Promise<ShoppingList> {
      return listChange(list, archived ? 'ARCHIVED' : 'UNARCHIVED', { archived }, changedBy);
    },

    async delete(list: ShoppingList, changedBy: string | null): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.shoppingList.delete({ where: { id: list.id } });
        await appendToOutbox(
          tx,
          shoppingListsChanged({
            householdId: list.householdId,
            listId: list.id,
            kind: 'DELETED',
            list: null,
            changedBy,
          }),
        );
      });
      onCommitted();
    },

    async updateItem(
      householdId: string,
      itemId: string,
      changes: ItemChanges,
      changedBy: string | null,
      remember: { foodKey: string; aisle: string } | null = null,
    ): Promise<ShoppingItem> {
      const updated = await db.$transaction(async (tx) => {
        const row = toItem(await tx.shoppingItem.update({ where: { id: itemId }, data: changes }));
        if (remember)
          await tx.foodAisle.upsert({
            where: { householdId_foodKey: { householdId, foodKey: remember.foodKey } },
            create: { householdId, ...remember },
            update: { aisle: remember.aisle },
          });
        await appendToOutbox(
          tx,
          shoppingListChanged({ householdId, listId: row.listId, kind: 'ITEM_UPDATED', item: row, changedBy }),
        );
        return row;
      });
      onCommitted();
      return updated;
    },

    async deleteItem(householdId: string, itemId: string, changedBy: string | null): Promise<void> {
      await db.$transaction(async (tx) => {
        const row = toItem(await tx.shoppingItem.delete({ where: { id: itemId } }));
        await appendToOutbox(
          tx,
          shoppingListChanged({ householdId, listId: row.listId, kind: 'ITEM_DELETED', item: row, changedBy }),
        );
      });
      onCommitted();
    },

    async findById(id: string): Promise<ShoppingList | null> {
      const row = await db.shoppingList.findUnique({ where: { id } });
      return row ? toList(row) : null;
    },

    async latestForWeek(householdId: string, weekStart: string): Promise<ShoppingList | null> {
      const row = await db.shoppingList.findFirst({
        where: { householdId, weekStart: toDbDate(weekStart) },
        orderBy: { createdAt: 'desc' },
      });
      return row ? toList(row) : null;
    },

    async listByHousehold(householdId: string, take: number, includeArchived = false): Promise<ShoppingList[]> {
      return (
        await db.shoppingList.findMany({
          where: includeArchived ? { householdId } : { householdId, archived: false },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take,
        })
      ).map(toList);
    },

    async items(listId: string): Promise<ShoppingItem[]> {
      return (
        await db.shoppingItem.findMany({ where: { listId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] })
      ).map(toItem);
    },

    async findItem(id: string): Promise<(ShoppingItem & { householdId: string }) | null> {
      const row = await db.shoppingItem.findUnique({
        where: { id },
        include: { list: { select: { householdId: true } } },
      });
      return row ? { ...toItem(row), householdId: row.list.householdId } : null;
    },

    async addItem(
      list: ShoppingList,
      item: NewItem,
      changedBy: string | null,
      idempotency: IdempotencyRequest | null = null,
    ): Promise<ShoppingItem> {
      const added = await db.$transaction((tx) =>
        idempotent(
          tx,
          idempotency,
          async () => {
            const last = await tx.shoppingItem.aggregate({ where: { listId: list.id }, _max: { position: true } });
            const row = toItem(
              await tx.shoppingItem.create({
                data: { ...item, listId: list.id, manual: true, position: (last._max.position ?? -1) + 1 },
              }),
            );
            await appendToOutbox(
              tx,
              shoppingListChanged({
                householdId: list.householdId,
                listId: list.id,
                kind: 'ITEM_ADDED',
                item: row,
                changedBy,
              }),
            );
            return row;
          },
          addedItem,
        ),
      );
      onCommitted();
      return added;
    },

    // A single-row UPDATE, so two people ticking different items at once both win.
    async toggle(
      householdId: string,
      itemId: string,
      checked: boolean,
      changedBy: string | null,
      now: Date,
    ): Promise<ShoppingItem> {
      const toggled = await db.$transaction(async (tx) => {
        const row = toItem(
          await tx.shoppingItem.update({
            where: { id: itemId },
            data: checked
              ? { checked, checkedAt: now, checkedBy: changedBy }
              : { checked, checkedAt: null, checkedBy: null },
          }),
        );
        await appendToOutbox(
          tx,
          shoppingListChanged({ householdId, listId: row.listId, kind: 'ITEM_TOGGLED', item: row, changedBy }),
        );
        return row;
      });
      onCommitted();
      return toggled;
    },
  };

  async function listChange(
    list: ShoppingList,
    kind: ShoppingListsChangeKind,
    data: { name?: string; archived?: boolean },
    changedBy: string | null,
  ): Promise<ShoppingList> {
    const changed = await db.$transaction(async (tx) => {
      const row = toList(await tx.shoppingList.update({ where: { id: list.id }, data }));
      await appendToOutbox(
        tx,
        shoppingListsChanged({ householdId: row.householdId, listId: row.id, kind, list: row, changedBy }),
      );
      return row;
    });
    onCommitted();
    return changed;
  }
}

const createdList = entityById<ShoppingList>(
  async (id, tx) => {
    const row = await (tx as Transaction).shoppingList.findUnique({ where: { id } });
    return row && toList(row);
  },
  (id) => new NotFoundError('ShoppingList', id),
);

const addedItem = entityById<ShoppingItem>(
  async (id, tx) => {
    const row = await (tx as Transaction).shoppingItem.findUnique({ where: { id } });
    return row && toItem(row);
  },
  (id) => new NotFoundError('ShoppingItem', id),
);

function toList(row: ListRow): ShoppingList {
  return { ...row, weekStart: row.weekStart ? fromDbDate(row.weekStart) : null };
}

function toItem(row: ItemRow): ShoppingItem {
  const { createdAt: _created, quantity, sources, ...item } = row;
  return {
    ...item,
    quantity: quantity === null ? null : Number(quantity),
    sources: Array.isArray(sources) ? (sources as unknown as ShoppingSource[]) : [],
  };
}
