import { BadUserInputError } from '@switchyard/shared';
import { MAX_TAGS, normalizeTag, tagProblem } from '@switchyard/shared/tags';
import { z } from 'zod';

export const MAX_TAGS_PER_STORE = MAX_TAGS;

/** One tag: trimmed and lower-cased, 1 to 40 characters of a-z 0-9 - _ : . (the shared rule). */
export const tagSchema = z
  .string()
  .transform(normalizeTag)
  .superRefine((tag, context) => {
    const problem = tagProblem(tag);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/**
 * A list of tags as given (each checked, field `<list>.<index>`), duplicates collapsed, sorted, at
 * most MAX_TAGS_PER_STORE of them.
 */
export const storeTagsSchema = z
  .array(tagSchema)
  .transform(sortedUnique)
  .refine((tags) => tags.length <= MAX_TAGS_PER_STORE, `at most ${MAX_TAGS_PER_STORE} tags per store`);

/**
 * A store's tags after adding and removing some (both already normalised); a tag both added and
 * removed ends up removed. Refuses more than MAX_TAGS_PER_STORE, naming `field`.
 */
export function editTags(
  current: readonly string[],
  add: readonly string[],
  remove: readonly string[],
  field = 'add',
): string[] {
  const removed = new Set(remove);
  const next = sortedUnique([...current, ...add]).filter((tag) => !removed.has(tag));
  if (next.length > MAX_TAGS_PER_STORE)
    throw new BadUserInputError(field, `A store can have at most ${MAX_TAGS_PER_STORE} tags`);
  return next;
}

function sortedUnique(tags: readonly string[]): string[] {
  return [...new Set(tags)].sort();
}

/** What bulkTagStores adds and removes: at least one tag, field `add` otherwise. */
export const bulkTagEditSchema = z
  .object({ add: storeTagsSchema.nullish(), remove: storeTagsSchema.nullish() })
  .transform(({ add, remove }) => ({ add: add ?? [], remove: remove ?? [] }))
  .refine((edit) => edit.add.length + edit.remove.length > 0, {
    message: 'give at least one tag to add or remove',
    path: ['add'],
  });
