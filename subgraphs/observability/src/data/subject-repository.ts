import type { PrismaClient } from '../generated/prisma/client.ts';
import type { SubjectRepository } from './repositories.ts';
import { isUuid } from '@switchyard/shared';

/** The store of each id of one kind of subject (null: known, but in no store); ids not found are left out. */
type StoreLookup = (ids: string[]) => Promise<Map<string, string | null>>;

/**
 * Which store a health-matrix subject belongs to, from its name: `<kind>:<id>` names the kind of
 * subject by its prefix; services (`gateway`, `stores`, `postgresql`…) belong to no store.
 */
export function createSubjectRepository(db: PrismaClient): SubjectRepository {
  /** One lookup per prefix of subject names that belong to a store: add a kind of subject here. */
  const storeLookupsByPrefix: Record<string, StoreLookup> = {
    hub: async (ids) =>
      new Map(
        (await db.hub.findMany({ where: { id: { in: ids } }, select: { id: true, storeId: true } })).map((hub) => [
          hub.id,
          hub.storeId,
        ]),
      ),
    monitor: async (ids) =>
      new Map(
        (
          await db.monitor.findMany({
            // Monitor ids are UUIDs: anything else names no monitor (and would be refused by the column type).
            where: { id: { in: ids.filter((id) => isUuid(id)) } },
            select: { id: true, storeId: true },
          })
        ).map((monitor) => [monitor.id, monitor.storeId]),
      ),
  };

  async function storesOf(names: readonly string[]): Promise<Map<string, string | null>> {
    const idsByPrefix = new Map<string, string[]>();
    for (const name of names) {
      const colon = name.indexOf(':');
      if (colon < 0 || !storeLookupsByPrefix[name.slice(0, colon)]) continue;
      const prefix = name.slice(0, colon);
      idsByPrefix.set(prefix, [...(idsByPrefix.get(prefix) ?? []), name.slice(colon + 1)]);
    }
    const stores = new Map<string, string | null>(names.map((name) => [name, null]));
    for (const [prefix, ids] of idsByPrefix)
      for (const [id, storeId] of await storeLookupsByPrefix[prefix]!(ids)) stores.set(`${prefix}:${id}`, storeId);
    return stores;
  }

  return { storesOf };
}
