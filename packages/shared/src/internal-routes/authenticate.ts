import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { InternalClient } from '../internal-client.ts';
import { ROLES, type ForwardedContext, type Principal } from '../principal.ts';
import { serveJsonRoute } from './serve-json.ts';

const principalSchema = z.object({
  kind: z.enum(['user', 'apiKey']),
  userId: z.string(),
  role: z.enum(ROLES),
  scopes: z.array(z.string()).nullable(),
  sessionId: z.string().nullable(),
  apiKeyId: z.string().nullable(),
  twoFactorEnrolmentRequired: z.boolean().optional(),
  expiresAt: z.iso.datetime().nullish(),
}) satisfies z.ZodType<Principal>;

/**
 * Where the gateway checks a credential on every request (identity serves it). It is a route, not
 * a GraphQL field, so it never appears in the public graph. Behind the internal signature.
 */
export const authenticateRoute = {
  method: 'POST',
  path: '/internal/authenticate',
  request: z.union([
    z.object({ sessionId: z.uuid(), userId: z.uuid() }),
    z.object({ apiKey: z.string().min(1).max(200) }),
  ]),
  /** `null` when the credential is no longer good (revoked, expired, deactivated user). */
  response: z.object({ principal: principalSchema.nullable() }),
} as const;

export type Credential = z.output<typeof authenticateRoute.request>;

/** Serves `authenticate` at the route, after `before` (the internal signature check, where `router` does not make it). */
export function mountAuthenticateRoute(
  router: Router,
  authenticate: (credential: Credential) => Promise<Principal | null>,
  ...before: RequestHandler[]
): void {
  serveJsonRoute(router, authenticateRoute, before, {
    input: (req) => authenticateRoute.request.safeParse(req.body),
    invalid: 'expected { sessionId, userId } or { apiKey }',
    answer: async (credential): Promise<z.input<typeof authenticateRoute.response>> => ({
      principal: await authenticate(credential),
    }),
  });
}

/** Identity's verdict on `credential`, asked at `identityUrl`; throws when it does not answer or answers something else. */
export async function callAuthenticate(
  client: InternalClient,
  identityUrl: string,
  context: ForwardedContext,
  credential: Credential,
): Promise<Principal | null> {
  const url = new URL(authenticateRoute.path, identityUrl).toString();
  return authenticateRoute.response.parse(await client.callJson<unknown>(url, context, credential)).principal;
}
