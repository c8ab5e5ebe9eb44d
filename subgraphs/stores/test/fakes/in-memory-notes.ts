import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@switchyard/shared';
import type { NoteWrites } from '../../src/services/store-note-service.ts';
import type { StoreNote } from '../../src/domain/store-notes.ts';

/**
 * The parts of the notes repository the note service uses, over a map, for unit tests; only the
 * stores given exist (any other is NOT_FOUND, as the foreign key makes it). Test code only.
 */
export function createInMemoryNotes(storeIds: readonly string[], clock: () => Date = () => new Date()) {
  const rows = new Map<string, StoreNote>();

  const notes: NoteWrites = {
    async add(storeId, body, author) {
      if (!storeIds.includes(storeId)) throw new NotFoundError('Store', storeId);
      const note = { id: randomUUID(), storeId, body, author, createdAt: clock() };
      rows.set(note.id, note);
      return structuredClone(note);
    },
    async findById(id) {
      const note = rows.get(id);
      return note ? structuredClone(note) : null;
    },
    async remove(id) {
      return rows.delete(id);
    },
  };
  return { notes, rows };
}
