import { BadUserInputError } from '@switchyard/shared';
import { z } from 'zod';

/** Tags are labels, not free text: short slugs so they read the same everywhere (filters, URLs, CSV). */
export const TAG_MAX_LENGTH = 40;
export const MAX_TAGS_PER_STORE = 20;
// Lower case after normalising; `:` and `.` allow namespaced tags such as region:north or v1.2.
const TAG_PATTERN = /^[a-z0-9_:.-]+$/;

/** One tag: trimmed and lower-cased, 1 to 40 characters of a-z 0-9 - _ : . */
export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'must not be empty')
  .max(TAG_MAX_LENGTH, `must be at most ${TAG_MAX_LENGTH} characters`)
  .regex(TAG_PATTERN, 'may contain only a-z, 0-9 and - _ : .');

/** A list of tags as given (each checked, field `<list>.<index>`), duplicates collapsed and sorted. */
export const tagListSchema = z.array(tagSchema).transform(sortedUnique);

/** A store's whole set of tags: a tag list of at most MAX_TAGS_PER_STORE distinct tags. */
export const storeTagsSchema = tagListSchema.refine(
  (tags) => tags.length <= MAX_TAGS_PER_STORE,
  `at most ${MAX_TAGS_PER_STORE} tags per store`,
);

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
