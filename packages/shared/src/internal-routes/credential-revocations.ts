import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { InternalClient } from '../internal-client.ts';
import type { ForwardedContext } from '../principal.ts';
import { serveJsonRoute } from './serve-json.ts';

const POSITION = /^\d{1,19}$/;

/** What a revocation names: a session, an API key or a whole user. */
export const revokedSubjectSchema = z.union([
  z.object({ sessionId: z.string() }),
  z.object({ apiKeyId: z.string() }),
  z.object({ userId: z.string() }),
]);
export type RevokedSubject = z.output<typeof revokedSubjectSchema>;

const revocationSchema = z.object({
  /** The event's place in identity's outbox. */
  position: z.string().regex(POSITION),
  subject: revokedSubjectSchema,
  /**
   * `revoked`: the subject no longer authenticates (logout, revoked key, deactivated user).
   * `permissionsChanged`: it still does, with another role; what was known about it is stale.
   */
  effect: z.enum(['revoked', 'permissionsChanged']),
});
export type CredentialRevocation = z.output<typeof revocationSchema>;

/**
 * Revocations in identity's commit order, for the gateway, which remembers recent authentication
 * answers and holds long-lived connections: it reads this every fraction of a second to forget
 * answers and end connections at once. Without `after`, nothing but the current position (where a
 * new reader starts). `latest` is where the next read continues. Behind the internal signature.
 */
export const credentialRevocationsRoute = {
  method: 'GET',
  path: '/internal/credential-revocations',
  query: z.object({ after: z.string().regex(POSITION).optional() }),
  response: z.object({ latest: z.string().regex(POSITION), revocations: z.array(revocationSchema) }),
} as const;

export type CredentialRevocationsPage = z.output<typeof credentialRevocationsRoute.response>;

/** Serves `read` at the route, after `before` (the internal signature check, where `router` does not make it). */
export function mountCredentialRevocationsRoute(
  router: Router,
  read: (after: bigint | null) => Promise<CredentialRevocationsPage>,
  ...before: RequestHandler[]
): void {
  serveJsonRoute(router, credentialRevocationsRoute, before, {
    input: (req) => credentialRevocationsRoute.query.safeParse(req.query),
    invalid: 'expected ?after=<outbox position>',
    answer: ({ after }) => read(after === undefined ? null : BigInt(after)),
  });
}

/** Identity's revocations after `after` (its current position only, without); throws when it does not answer. */
export async function fetchCredentialRevocations(
  client: InternalClient,
  identityUrl: string,
  context: ForwardedContext,
  after: string | null,
): Promise<CredentialRevocationsPage> {
  const url = new URL(credentialRevocationsRoute.path, identityUrl);
  if (after !== null) url.searchParams.set('after', after);
  return credentialRevocationsRoute.response.parse(await client.callJson<unknown>(url.toString(), context));
}
