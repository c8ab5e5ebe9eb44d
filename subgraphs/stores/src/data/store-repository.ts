import { BadUserInputError, decodeCursor, encodeCursor, isUuid } from '@switchyard/shared';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { ProvisioningStep, Store, StoreFilter, StoreOrder, StoreTagCount } from '../domain/types.ts';
import { storeCodeNumber } from '../domain/store-code.ts';
import type { StoreRepository } from './repositories.ts';
import { WITH_NETWORKS, toStep, toStore } from './store-rows.ts';

const ORDER_COLUMNS = { NAME: 'name', CODE: 'codeNumber', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' } as const;
type OrderColumn = (typeof ORDER_COLUMNS)[StoreOrder['field']];
export function createStoreRepository(db: PrismaClient): StoreRepository {
  return {
    async findById(id: string): Promise<Store | null> {
      if (!isUuid(id)) return null;
      const row = await db.store.findUnique({ where: { id }, include: WITH_NETWORKS });
      return row ? toStore(row) : null;
    },

    async findManyByIds(ids: readonly string[]): Promise<Store[]> {
      return (
        await db.store.findMany({ where: { id: { in: ids.filter((id) => isUuid(id)) } }, include: WITH_NETWORKS })
      ).map(toStore);
    },

    async findByCode(code: string): Promise<Store | null> {
      const number = storeCodeNumber(code);
      const row =
        number === null ? null : await db.store.findUnique({ where: { codeNumber: number }, include: WITH_NETWORKS });
      return row ? toStore(row) : null;
    },

    async count(filter: StoreFilter = {}): Promise<number> {
      return db.store.count({ where: whereOf(filter) });
    },

    async page(filter: StoreFilter, order: StoreOrder, size: number, after: string | null): Promise<Store[]> {
      const column = ORDER_COLUMNS[order.field];
      const direction = order.direction === 'ASC' ? 'asc' : 'desc';
      const rows = await db.store.findMany({
        where: { AND: [whereOf(filter), after ? afterCursor(column, direction, after) : {}] },
        orderBy: [{ [column]: direction }, { id: direction }],
        take: size + 1,
        include: WITH_NETWORKS,
      });
      return rows.map(toStore);
    },

    cursorOf(order: StoreOrder): (store: Store) => string {
      return (store) => encodeCursor([cursorValue(ORDER_COLUMNS[order.field], store), store.id]);
    },

    async stepsOf(storeIds: readonly string[]): Promise<Map<string, ProvisioningStep[]>> {
      const rows = await db.provisioningStep.findMany({
        where: { storeId: { in: storeIds.filter((id) => isUuid(id)) } },
        orderBy: [{ storeId: 'asc' }, { position: 'asc' }],
      });
      const byStore = new Map<string, ProvisioningStep[]>(storeIds.map((id) => [id, []]));
      for (const row of rows) byStore.get(row.storeId)?.push(toStep(row));
      return byStore;
    },

    async liveSubnets(): Promise<string[]> {
      const rows = await db.storeNetwork.findMany({ where: { live: true }, select: { subnet: true } });
      return rows.map((row) => row.subnet);
    },

    async tagCounts(): Promise<StoreTagCount[]> {
      return db.$queryRaw<StoreTagCount[]>`
        SELECT tag, count(*)::int AS count FROM "Store", unnest("tags") AS tag GROUP BY tag ORDER BY tag`;
    },
  };
}

function whereOf(filter: StoreFilter): Prisma.StoreWhereInput {
  const search = filter.search;
  return {
    ...(filter.statuses ? { status: { in: filter.statuses } } : {}),
    ...(filter.types ? { type: { in: filter.types } } : {}),
    ...(filter.region ? { region: { equals: filter.region, mode: 'insensitive' } } : {}),
    ...(filter.tags ? { tags: { hasEvery: filter.tags } } : {}),
    ...(search
      ? {
          OR: [
            { name: { contains: search, mode: 'insensitive' } },
            { code: { contains: search, mode: 'insensitive' } },
            { city: { contains: search, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
}

function cursorValue(column: OrderColumn, store: Store): string | number {
  if (column === 'codeNumber') return storeCodeNumber(store.code)!;
  if (column === 'name') return store.name;
  return store[column].toISOString();
}

function afterCursor(column: OrderColumn, direction: 'asc' | 'desc', cursor: string): Prisma.StoreWhereInput {
  const [value, id] = decodeCursor(cursor);
  const typed = column === 'createdAt' || column === 'updatedAt' ? new Date(String(value)) : value;
  const valid =
    typeof id === 'string' &&
    isUuid(id) &&
    (typed instanceof Date
      ? !Number.isNaN(typed.getTime())
      : typeof typed === (column === 'codeNumber' ? 'number' : 'string'));
  if (!valid) throw new BadUserInputError('after', 'Invalid cursor');
  const beyond = direction === 'asc' ? 'gt' : 'lt';
  return { OR: [{ [column]: { [beyond]: typed } }, { [column]: typed, id: { [beyond]: id } }] };
}
