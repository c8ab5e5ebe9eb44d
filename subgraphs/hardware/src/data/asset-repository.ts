import {
  appendToOutbox,
  ConflictError,
  decodeCursor,
  encodeCursor,
  entityById,
  groupBy,
  idempotent,
  NotFoundError,
  type IdempotencyRequest,
} from '@switchyard/shared';
import type { Asset as AssetRow, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { assetAllocated, assetReleased } from '../domain/asset-events.ts';
import { ALLOWED_FROM, STATUS_AFTER, transitionError, type AssetAction } from '../domain/asset-lifecycle.ts';
import type { Asset, AssetAllocation, AssetKind, AssetStatus } from '../domain/types.ts';
import type { AssetChanges, AssetFilter, AssetRepository } from './repositories.ts';

type Transaction = Prisma.TransactionClient;

export function createAssetRepository(db: PrismaClient, onCommitted: () => void): AssetRepository {
  function where(filter: AssetFilter): Prisma.AssetWhereInput {
    return {
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.storeId ? { storeId: filter.storeId } : {}),
      ...(filter.search
        ? {
            OR: (['serialNumber', 'model', 'vendor'] as const).map((field) => ({
              [field]: { contains: filter.search!, mode: 'insensitive' as const },
            })),
          }
        : {}),
    };
  }

  /**
   * Applies `action` if the asset's status allows it. The row is locked first, so concurrent
   * actions on one asset queue up and each sees the status the previous one left; the UPDATE is
   * conditional on the status as well, so the rule holds even for a writer that skips the lock.
   */
  async function transition(
    tx: Transaction,
    id: string,
    action: AssetAction,
    data: Prisma.AssetUpdateManyMutationInput,
  ) {
    const [before] = await tx.$queryRawUnsafe<{ status: AssetStatus; storeId: string | null }[]>(
      `SELECT "status", "storeId" FROM "Asset" WHERE "id" = $1::uuid FOR UPDATE`,
      id,
    );
    if (!before) throw new NotFoundError('Asset', id);
    const { count } = await tx.asset.updateMany({
      where: { id, status: { in: [...ALLOWED_FROM[action]] } },
      data: { ...data, status: STATUS_AFTER[action] },
    });
    if (count === 0) throw transitionError(action, before.status);
    return { previousStoreId: before.storeId, asset: await tx.asset.findUniqueOrThrow({ where: { id } }) };
  }

  async function closeAllocation(tx: Transaction, asset: AssetRow, storeId: string, by: string | null, now: Date) {
    await tx.assetAllocation.updateMany({
      where: { assetId: asset.id, releasedAt: null },
      data: { releasedAt: now, releasedBy: by },
    });
    await appendToOutbox(tx, assetReleased({ assetId: asset.id, serialNumber: asset.serialNumber, storeId, by }));
  }

  async function committed<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const result = await db.$transaction(work);
    onCommitted();
    return result;
  }

  return {
    async create(
      input: { kind: AssetKind; serialNumber: string; model: string; vendor: string; notes: string | null },
      idempotency: IdempotencyRequest | null = null,
    ): Promise<Asset> {
      try {
        return await db.$transaction((tx) =>
          idempotent(tx, idempotency, async () => toAsset(await tx.asset.create({ data: input })), createdAsset),
        );
      } catch (error) {
        if ((error as { code?: string }).code === 'P2002')
          throw new ConflictError('An asset with this serial number already exists', { field: 'input.serialNumber' });
        throw error;
      }
    },

    async findById(id: string): Promise<Asset | null> {
      const row = await db.asset.findUnique({ where: { id } });
      return row ? toAsset(row) : null;
    },

    async findManyByIds(ids: readonly string[]): Promise<Asset[]> {
      return (await db.asset.findMany({ where: { id: { in: [...ids] } } })).map(toAsset);
    },

    async listByStores(storeIds: readonly string[]): Promise<Map<string, Asset[]>> {
      const rows = await db.asset.findMany({
        where: { storeId: { in: [...storeIds] } },
        orderBy: [{ serialNumber: 'asc' }],
      });
      return groupBy(rows.map(toAsset), (asset) => asset.storeId!);
    },

    async page(filter: AssetFilter, size: number, after: string | null): Promise<Asset[]> {
      const cursor = after ? decodeCursor(after) : null;
      const rows = await db.asset.findMany({
        where: { AND: [where(filter), cursor ? { serialNumber: { gt: String(cursor[0]) } } : {}] },
        orderBy: [{ serialNumber: 'asc' }],
        take: size + 1,
      });
      return rows.map(toAsset);
    },

    count: (filter: AssetFilter) => db.asset.count({ where: where(filter) }),

    cursorOf: (asset: Asset) => encodeCursor([asset.serialNumber]),

    async allocationsOf(assetIds: readonly string[]): Promise<Map<string, AssetAllocation[]>> {
      const rows = await db.assetAllocation.findMany({
        where: { assetId: { in: [...assetIds] } },
        orderBy: [{ allocatedAt: 'desc' }, { id: 'desc' }],
      });
      return groupBy(
        rows.map(({ id: _id, ...row }) => row),
        (row) => row.assetId,
      );
    },

    async update(id: string, changes: AssetChanges): Promise<Asset> {
      const empty = Object.values(changes).every((value) => value === undefined);
      try {
        // An empty change still answers NOT_FOUND for an unknown asset (updateMany with no data matches nothing).
        const { count } = empty
          ? { count: await db.asset.count({ where: { id } }) }
          : await db.asset.updateMany({ where: { id }, data: changes });
        if (count === 0) throw new NotFoundError('Asset', id);
      } catch (error) {
        if ((error as { code?: string }).code === 'P2002')
          throw new ConflictError('An asset with this serial number already exists', { field: 'input.serialNumber' });
        throw error;
      }
      return toAsset(await db.asset.findUniqueOrThrow({ where: { id } }));
    },

    countAllocatedTo: (storeId: string) => db.asset.count({ where: { storeId, status: 'ALLOCATED' } }),

    /** Of concurrent allocations of one asset exactly one succeeds; the others get CONFLICT. */
    allocate: (id: string, storeId: string, by: string | null, now: Date): Promise<Asset> =>
      committed(async (tx) => {
        const { asset } = await transition(tx, id, 'allocate', { storeId, updatedAt: now });
        // The partial unique index on open allocations backs the conditional UPDATE up.
        await tx.assetAllocation.create({ data: { assetId: id, storeId, allocatedBy: by, allocatedAt: now } });
        await appendToOutbox(tx, assetAllocated({ assetId: id, serialNumber: asset.serialNumber, storeId, by }));
        return toAsset(asset);
      }),

    release: (id: string, by: string | null, now: Date): Promise<Asset> =>
      committed(async (tx) => {
        const { asset, previousStoreId } = await transition(tx, id, 'release', { storeId: null, updatedAt: now });
        await closeAllocation(tx, asset, previousStoreId!, by, now);
        return toAsset(asset);
      }),

    markFaulty: (id: string, notes: string | null, by: string | null, now: Date): Promise<Asset> =>
      committed(async (tx) => {
        const { asset, previousStoreId } = await transition(tx, id, 'markFaulty', {
          storeId: null,
          updatedAt: now,
          ...(notes ? { notes } : {}),
        });
        if (previousStoreId) await closeAllocation(tx, asset, previousStoreId, by, now);
        return toAsset(asset);
      }),

    retire: (id: string, by: string | null, now: Date): Promise<Asset> =>
      committed(async (tx) => {
        const { asset, previousStoreId } = await transition(tx, id, 'retire', { storeId: null, updatedAt: now });
        if (previousStoreId) await closeAllocation(tx, asset, previousStoreId, by, now);
        return toAsset(asset);
      }),

    /** One transaction: a store that goes out of service gives back all its hardware or none. */
    releaseAllAt: (storeId: string, by: string | null, now: Date): Promise<Asset[]> =>
      committed(async (tx) => {
        const held = await tx.$queryRawUnsafe<{ id: string }[]>(
          `SELECT "id" FROM "Asset" WHERE "storeId" = $1 AND "status" = 'ALLOCATED' ORDER BY "serialNumber" FOR UPDATE`,
          storeId,
        );
        const released: Asset[] = [];
        for (const { id } of held) {
          const { asset } = await transition(tx, id, 'release', { storeId: null, updatedAt: now });
          await closeAllocation(tx, asset, storeId, by, now);
          released.push(toAsset(asset));
        }
        return released;
      }),
  };
}

// A repeat answers the asset the first request created, as it is now.
const createdAsset = entityById<Asset>(
  async (id, tx) => {
    const row = await (tx as Transaction).asset.findUnique({ where: { id } });
    return row && toAsset(row);
  },
  (id) => new NotFoundError('Asset', id),
);

function toAsset(row: AssetRow): Asset {
  return row;
}
