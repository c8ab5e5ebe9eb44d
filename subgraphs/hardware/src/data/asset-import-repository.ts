import { ConflictError } from '@switchyard/shared';
import type { Asset as AssetRow, PrismaClient } from '../generated/prisma/client.ts';
import type { ImportedAsset } from '../domain/asset-import.ts';
import type { AssetImportRepository } from './repositories.ts';

export function createAssetImportRepository(db: PrismaClient): AssetImportRepository {
  return {
    /** Those of `serials` (upper-cased, as stored) that an asset already has. */
    async existingSerials(serials: readonly string[]): Promise<Set<string>> {
      if (serials.length === 0) return new Set();
      const rows = await db.asset.findMany({
        where: { serialNumber: { in: [...new Set(serials)] } },
        select: { serialNumber: true },
      });
      return new Set(rows.map((row) => row.serialNumber));
    },

    /** Every asset in one transaction, in order: all or none. */
    async createMany(assets: readonly ImportedAsset['input'][]): Promise<AssetRow[]> {
      try {
        return await db.$transaction(
          async (tx) => {
            const created: AssetRow[] = [];
            for (const data of assets) created.push(await tx.asset.create({ data }));
            return created;
          },
          { timeout: 120_000, maxWait: 10_000 },
        );
      } catch (error) {
        // Another writer took a serial number between the check and this transaction.
        if ((error as { code?: string }).code === 'P2002')
          throw new ConflictError('An asset with one of these serial numbers was created meanwhile; check again', {
            field: 'csv',
          });
        throw error;
      }
    },
  };
}
