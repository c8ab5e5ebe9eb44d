import { ForbiddenError, roleAtLeast, type Principal } from '@switchyard/shared';
import { z } from 'zod';
import type { Actor } from './types.ts';

/** A dated note in a store's journal. Not a change to the store: it has no version of its own. */
export interface StoreNote {
  id: string;
  storeId: string;
  body: string;
  author: Actor;
  createdAt: Date;
}

export const MAX_NOTE_LENGTH = 4000;

/** Trimmed, 1 to 4000 characters: long enough for a visit report, short enough to list a page of them. */
export const noteBodySchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`);

/**
 * A journal is only worth something if its entries stay: a note goes only at the hand of whoever
 * wrote it (the same user, also through one of their API keys) or of an admin tidying up.
 */
export function checkNoteDeletable(note: Pick<StoreNote, 'author'>, principal: Principal): void {
  if (roleAtLeast(principal.role, 'ADMIN')) return;
  if (note.author.userId !== null && note.author.userId === principal.userId) return;
  throw new ForbiddenError('Only the author of a note or an admin can delete it');
}
