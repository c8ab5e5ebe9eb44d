// The API reference as the pages use it. generated/reference.json is written by `npm run compose`
// (gateway/src/api-reference.ts) from the supergraph and the subgraphs' @authz/@public, and
// gateway/src/api-reference.test.ts fails when it is stale: nothing here is written by hand.
import type { Access, ApiReference } from '@switchyard/shared/api-reference';
import generated from './generated/reference.json';

export type { Access, ApiReference, ArgumentDoc, OperationDoc, TypeDoc } from '@switchyard/shared/api-reference';

export const reference = generated as ApiReference;

/** The named type inside a type reference: `[Store!]!` → `Store`. */
export function namedType(typeReference: string): string {
  return typeReference.replace(/[[\]!]/g, '');
}

/** The anchor of a type on the reference page. */
export function typeAnchor(name: string): string {
  return `type-${name}`;
}

/** Who may call a root field, in a few words: "Public", or "VIEWER · key scope stores:read". */
export function accessLabel(access: Access): string {
  if (access.public) return 'Public';
  const keys = access.userOnly
    ? 'signed-in users only'
    : access.scope
      ? `API key scope ${access.scope}`
      : 'any API key';
  return `${access.role} · ${keys}`;
}

/** The types and operations whose name or description mentions every word of `query` (case-insensitive). */
export function filterReference<T extends { name: string; description: string }>(
  items: readonly T[],
  query: string,
): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const text = `${item.name} ${item.description}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
