import { ConflictError } from '@switchyard/shared';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { ProvisioningTemplate, TemplateStep } from '../domain/provisioning-templates.ts';
import { STORE_TYPES, type StoreType } from '../domain/types.ts';
import type { ProvisioningTemplateRepository } from './repositories.ts';
import { currentTemplate, toTemplate } from './provisioning-template-rows.ts';

export function createProvisioningTemplateRepository(db: PrismaClient): ProvisioningTemplateRepository {
  return {
    async current(): Promise<ProvisioningTemplate[]> {
      const rows = await db.provisioningTemplate.findMany({
        distinct: ['storeType'],
        orderBy: [{ storeType: 'asc' }, { version: 'desc' }],
      });
      const byType = new Map(rows.map((row) => [row.storeType, toTemplate(row)]));
      return STORE_TYPES.flatMap((type) => byType.get(type) ?? []);
    },

    async version(storeType: StoreType, version: number): Promise<ProvisioningTemplate | null> {
      const row = await db.provisioningTemplate.findUnique({ where: { storeType_version: { storeType, version } } });
      return row && toTemplate(row);
    },

    async history(storeType: StoreType): Promise<ProvisioningTemplate[]> {
      const rows = await db.provisioningTemplate.findMany({ where: { storeType }, orderBy: { version: 'desc' } });
      return rows.map(toTemplate);
    },

    async publish(
      storeType: StoreType,
      steps: TemplateStep[],
      expectedVersion: number,
      createdById: string | null,
    ): Promise<ProvisioningTemplate> {
      try {
        return await db.$transaction(async (tx) => {
          const current = (await currentTemplate(tx, storeType))?.version ?? 0;
          if (current !== expectedVersion) throw staleError(current);
          const row = await tx.provisioningTemplate.create({
            data: {
              storeType,
              version: current + 1,
              steps: steps as unknown as Prisma.InputJsonValue,
              createdById,
            },
          });
          return toTemplate(row);
        });
      } catch (error) {
        // Two publishers that both saw `expectedVersion`: the primary key lets one write version + 1.
        if ((error as { code?: string }).code !== 'P2002') throw error;
        throw staleError((await currentTemplate(db, storeType))?.version ?? 0);
      }
    },
  };
}

function staleError(currentVersion: number): ConflictError {
  return new ConflictError(
    `The template was published meanwhile (now version ${currentVersion}); reload it and retry`,
    { currentVersion },
  );
}
