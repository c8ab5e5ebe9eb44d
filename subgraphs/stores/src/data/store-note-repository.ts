import { BadUserInputError, NotFoundError, decodeCursor, encodeCursor, isUuid } from '@switchyard/shared';
import type { PrismaClient, StoreNote as NoteRow } from '../generated/prisma/client.ts';
import type { StoreNote } from '../domain/store-notes.ts';
import type { Actor } from '../domain/types.ts';
import type { StoreNoteRepository } from './repositories.ts';

export function createStoreNoteRepository(db: PrismaClient): StoreNoteRepository {
  return {
    async add(storeId: string, body: string, author: Actor): Promise<StoreNote> {
      // The foreign key decides whether the store exists: a check before the insert could pass for
      // a draft deleted a moment later.
      try {
        const row = await db.storeNote.create({
          data: { storeId, body, authorKind: author.kind, authorId: author.id, userId: author.userId },
        });
        return toNote(row);
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code === 'P2003') throw new NotFoundError('Store', storeId);
        throw error;
      }
    },

    async findById(id: string): Promise<StoreNote | null> {
      if (!isUuid(id)) return null;
      const row = await db.storeNote.findUnique({ where: { id } });
      return row && toNote(row);
    },

    async page(storeId: string, size: number, after: string | null): Promise<StoreNote[]> {
      const rows = await db.storeNote.findMany({
        where: { storeId, ...(after ? olderThan(after) : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: size + 1,
      });
      return rows.map(toNote);
    },

    async count(storeId: string): Promise<number> {
      return db.storeNote.count({ where: { storeId } });
    },

    // Notes written in the same millisecond are told apart by id.
    cursorOf(note: StoreNote): string {
      return encodeCursor([note.createdAt.toISOString(), note.id]);
    },

    async remove(id: string): Promise<boolean> {
      return (await db.storeNote.deleteMany({ where: { id } })).count > 0;
    },
  };
}

function olderThan(cursor: string) {
  const [at, id] = decodeCursor(cursor);
  const createdAt = new Date(String(at));
  if (typeof at !== 'string' || Number.isNaN(createdAt.getTime()) || typeof id !== 'string' || !isUuid(id))
    throw new BadUserInputError('after', 'Invalid cursor');
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
}

function toNote(row: NoteRow): StoreNote {
  return {
    id: row.id,
    storeId: row.storeId,
    body: row.body,
    author: { kind: row.authorKind as Actor['kind'], id: row.authorId, userId: row.userId },
    createdAt: row.createdAt,
  };
}
