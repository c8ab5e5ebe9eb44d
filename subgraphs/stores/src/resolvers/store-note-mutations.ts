import { parseInput } from '@switchyard/shared';
import type { MutationResolvers } from '../generated/graphql.ts';
import { noteBodySchema } from '../domain/store-notes.ts';
import { storeIdSchema } from '../domain/store-input.ts';

/** The journal mutations of Mutation (merged into it in index.ts). */
export const StoreNoteMutation: Pick<MutationResolvers, 'addStoreNote' | 'deleteStoreNote'> = {
  addStoreNote: (_parent, { storeId, body }, { principal, storeNoteService }) =>
    storeNoteService.add(
      parseInput(storeIdSchema, storeId, 'storeId'),
      parseInput(noteBodySchema, body, 'body'),
      principal!,
    ),

  deleteStoreNote: (_parent, { id }, { principal, storeNoteService }) => storeNoteService.delete(id, principal!),
};
