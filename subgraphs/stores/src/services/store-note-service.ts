import { NotFoundError, type Principal } from '@switchyard/shared';
import type { StoreNoteRepository } from '../data/repositories.ts';
import { actorOf } from '../domain/audit.ts';
import { checkNoteDeletable, type StoreNote } from '../domain/store-notes.ts';

export type StoreNoteService = ReturnType<typeof createStoreNoteService>;
export type NoteWrites = Pick<StoreNoteRepository, 'add' | 'findById' | 'remove'>;

/**
 * A store's journal. Notes may be written in any status, decommissioned included (a journal of
 * what happened to a site outlives the site), and leave the store's version alone: writing one
 * must not make someone else's open edit of the store stale.
 */
export function createStoreNoteService({ notes }: { notes: NoteWrites }) {
  return {
    add(storeId: string, body: string, principal: Principal): Promise<StoreNote> {
      return notes.add(storeId, body, actorOf(principal));
    },

    async delete(id: string, principal: Principal): Promise<string> {
      const note = await notes.findById(id);
      if (!note) throw new NotFoundError('StoreNote', id);
      checkNoteDeletable(note, principal);
      // Someone else may have deleted it meanwhile: the answer is the same as had they been first.
      if (!(await notes.remove(note.id))) throw new NotFoundError('StoreNote', id);
      return note.id;
    },
  };
}
