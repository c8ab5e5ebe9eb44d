import { BadUserInputError, decodeCursor, encodeCursor } from '@switchyard/shared';
import type { PrismaClient, StoreAuditEntry as AuditRow } from '../generated/prisma/client.ts';
import type { Actor, AuditAction, AuditEntry, FieldChange } from '../domain/types.ts';
import type { AuditRepository } from './repositories.ts';

export function createAuditRepository(db: PrismaClient): AuditRepository {
  return {
    // One entry per store version, so the version is the cursor.
    async page(
      storeId: string,
      size: number,
      after: string | null,
      changeId: string | null = null,
    ): Promise<AuditEntry[]> {
      const before = after ? versionOf(after) : null;
      const rows = await db.storeAuditEntry.findMany({
        where: { storeId, ...(changeId ? { changeId } : {}), ...(before !== null ? { version: { lt: before } } : {}) },
        orderBy: { version: 'desc' },
        take: size + 1,
      });
      return rows.map(toEntry);
    },

    async count(storeId: string, changeId: string | null = null): Promise<number> {
      return db.storeAuditEntry.count({ where: { storeId, ...(changeId ? { changeId } : {}) } });
    },

    async byChange(changeId: string): Promise<AuditEntry[]> {
      const rows = await db.storeAuditEntry.findMany({
        where: { changeId },
        orderBy: [{ createdAt: 'asc' }, { storeId: 'asc' }, { version: 'asc' }],
      });
      return rows.map(toEntry);
    },

    cursorOf(entry: AuditEntry): string {
      return encodeCursor([entry.version]);
    },
  };
}

function versionOf(cursor: string): number {
  const [version] = decodeCursor(cursor);
  if (typeof version !== 'number' || !Number.isInteger(version)) throw new BadUserInputError('after', 'Invalid cursor');
  return version;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    storeId: row.storeId,
    version: row.version,
    action: row.action as AuditAction,
    actor: { kind: row.actorKind as Actor['kind'], id: row.actorId, userId: row.userId },
    changes: row.changes as unknown as Record<string, FieldChange>,
    reason: row.reason,
    changeId: row.changeId,
    createdAt: row.createdAt,
  };
}
