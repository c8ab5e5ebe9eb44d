import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ExistingStores } from '../domain/store-import.ts';
import type { StoreImportRepository } from './repositories.ts';

export function createStoreImportRepository(db: PrismaClient): StoreImportRepository {
  return {
    async existing(names: readonly string[]): Promise<ExistingStores> {
      const lowered = [...new Set(names.map((name) => name.toLowerCase()))];
      const [named, live] = await Promise.all([
        lowered.length === 0
          ? []
          : db.$queryRaw<{ name: string; code: string }[]>`
              SELECT lower("name") AS "name", "code" FROM "Store" WHERE lower("name") = ANY(${lowered}::text[])`,
        db.$queryRaw<{ code: string; subnet: string }[]>`
          SELECT "code", host("subnet") || '/' || masklen("subnet") AS "subnet" FROM "Store"
          WHERE "subnet" IS NOT NULL AND "status" <> 'DECOMMISSIONED'`,
      ]);
      return { names: new Map(named.map((row) => [row.name, row.code])), subnets: live };
    },
  };
}
