// Tags as people type them: normalised and checked by the shared rule before the API is asked,
// and a tag editor's save merged with someone else's meanwhile.
import { MAX_TAGS, normalizeTag, tagProblem } from '@switchyard/shared/tags';

/** The tag typed, normalised, or why it cannot be one. */
export function parseTag(raw: string): { tag: string } | { problem: string } {
  const tag = normalizeTag(raw);
  const problem = tagProblem(tag);
  return problem ? { problem: `Tag ${problem}` } : { tag };
}

/** `tags` with `tag` added (sorted, once), or why not: at most MAX_TAGS. */
export function withTag(tags: readonly string[], tag: string): { tags: string[] } | { problem: string } {
  if (tags.includes(tag)) return { tags: [...tags] };
  if (tags.length >= MAX_TAGS) return { problem: `A store can have at most ${MAX_TAGS} tags` };
  return { tags: [...tags, tag].sort() };
}

/**
 * Tags are a set, so a save refused because someone else changed them merges without asking:
 * their tags, plus what I added, less what I removed (from the `base` I started editing).
 */
export function mergeTags(base: readonly string[], theirs: readonly string[], mine: readonly string[]): string[] {
  const added = mine.filter((tag) => !base.includes(tag));
  const removed = new Set(base.filter((tag) => !mine.includes(tag)));
  return [...new Set([...theirs, ...added])].filter((tag) => !removed.has(tag)).sort();
}
