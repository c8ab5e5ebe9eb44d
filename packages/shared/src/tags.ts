// Tags are labels to filter by, not free text: short slugs, so they read the same in filters, URLs
// and CSV cells. One rule for the API (which enforces it) and the web (which checks as you type).

export const TAG_MAX_LENGTH = 40;
/** At most this many distinct tags per tagged thing (a store). */
export const MAX_TAGS = 20;
// `:` and `.` allow namespaced tags such as region:north or v1.2; no `;` (the CSV separator) or spaces.
const TAG_PATTERN = /^[a-z0-9_:.-]+$/;

/** A tag as stored: trimmed and lower-cased. */
export const normalizeTag = (raw: string): string => raw.trim().toLowerCase();

/** Why a normalised tag is refused, or null when it is fine. */
export function tagProblem(tag: string): string | null {
  if (tag.length === 0) return 'must not be empty';
  if (tag.length > TAG_MAX_LENGTH) return `must be at most ${TAG_MAX_LENGTH} characters`;
  if (!TAG_PATTERN.test(tag)) return 'may contain only a-z, 0-9 and - _ : .';
  return null;
}
