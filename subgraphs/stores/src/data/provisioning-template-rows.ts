import type { Prisma, ProvisioningTemplate as TemplateRow } from '../generated/prisma/client.ts';
import type { ProvisioningTemplate, TemplateStep } from '../domain/provisioning-templates.ts';
import type { StoreType } from '../domain/types.ts';

type Reader = Pick<Prisma.TransactionClient, 'provisioningTemplate'>;

export function toTemplate(row: TemplateRow): ProvisioningTemplate {
  return {
    storeType: row.storeType,
    version: row.version,
    steps: row.steps as unknown as TemplateStep[],
    createdById: row.createdById,
    createdAt: row.createdAt,
  };
}

/**
 * The newest version of a type's template, read through `db` (a transaction, so a store is created
 * or retyped from the template current at its commit); null only on a database without templates.
 */
export async function currentTemplate(db: Reader, storeType: StoreType): Promise<ProvisioningTemplate | null> {
  const row = await db.provisioningTemplate.findFirst({ where: { storeType }, orderBy: { version: 'desc' } });
  return row && toTemplate(row);
}
