// Who registered each endpoint, for admins (who see everyone's): the endpoint carries only the
// owner's id, so the names come from the users list, which only admins may read.
import { getContextClient, queryStore } from '@urql/svelte';
import { derived, type Readable } from 'svelte/store';
import { session } from '$lib/session.svelte.js';
import { WebhookOwnersQuery } from './webhooks.js';

/** A store of owner id → display name; empty (and never asked) for operators. */
export function ownerNames(): Readable<Map<string, string>> {
  const users = queryStore({ client: getContextClient(), query: WebhookOwnersQuery, pause: !session.can('ADMIN') });
  return derived(
    users,
    ($users) => new Map(($users.data?.users.edges ?? []).map(({ node }) => [node.id, node.displayName])),
  );
}

/** An owner as a cell shows it: "you", their name, or their id when they are not among the listed users. */
export function ownerLabel(names: Map<string, string>, ownerId: string): string {
  if (ownerId === session.user?.id) return 'you';
  return names.get(ownerId) ?? ownerId;
}
