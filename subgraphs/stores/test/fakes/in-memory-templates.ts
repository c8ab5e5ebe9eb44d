import { ConflictError } from '@switchyard/shared';
import type { ProvisioningTemplateRepository } from '../../src/data/repositories.ts';
import type { ProvisioningTemplate } from '../../src/domain/provisioning-templates.ts';
import { STORE_TYPES, type StoreType } from '../../src/domain/types.ts';
import { SEEDED_TEMPLATES } from './seeded-templates.ts';

/** Provisioning templates over a map, seeded with version 1 of every type as the migration does. Test code only. */
export function createInMemoryTemplates(clock: () => Date = () => new Date()) {
  const rows = new Map<StoreType, ProvisioningTemplate[]>(
    STORE_TYPES.map((storeType) => [
      storeType,
      [{ storeType, version: 1, steps: SEEDED_TEMPLATES[storeType], createdById: null, createdAt: clock() }],
    ]),
  );
  const repository: ProvisioningTemplateRepository = {
    current: async () => STORE_TYPES.flatMap((type) => rows.get(type)!.at(-1) ?? []),
    version: async (type, version) => rows.get(type)!.find((row) => row.version === version) ?? null,
    history: async (type) => [...rows.get(type)!].reverse(),
    publish: async (storeType, steps, expectedVersion, createdById) => {
      const versions = rows.get(storeType)!;
      const currentVersion = versions.at(-1)?.version ?? 0;
      if (currentVersion !== expectedVersion)
        throw new ConflictError(`The template is at version ${currentVersion}`, { currentVersion });
      const template = { storeType, version: currentVersion + 1, steps, createdById, createdAt: clock() };
      versions.push(template);
      return structuredClone(template);
    },
  };
  return { ...repository, rows };
}
