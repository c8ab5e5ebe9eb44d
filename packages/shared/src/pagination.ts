import { BadUserInputError } from './errors.ts';

/** Relay-style cursors: opaque base64url of the keyset values a page continues after. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.every((v) => typeof v === 'string' || typeof v === 'number')) return values;
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError(field, 'Invalid cursor');
}

export function pageSize(first: number | null | undefined, { fallback = 50, max = 200 } = {}, field = 'first'): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > max)
    throw new BadUserInputError(field, `first must be between 1 and ${max}`);
  return first;
}

/** Builds a connection from `size + 1` fetched rows: the extra row only tells whether there is a next page. */
export function toConnection<T>(rows: T[], size: number, cursorOf: (row: T) => string, totalCount: number) {
  const nodes = rows.slice(0, size);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
