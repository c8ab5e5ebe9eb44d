import { LogoutMutation } from '$lib/graphql/documents.js';
import { gatewayRequest } from '$lib/server/gateway.js';
import { clearRefreshToken } from '$lib/server/session-cookie.js';
import type { RequestHandler } from './$types';

/** Ends the session at the API (with the caller's access token) and drops the refresh cookie. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  if (token) await gatewayRequest(LogoutMutation, {}, { token }).catch(() => null);
  clearRefreshToken(cookies, url);
  return new Response(null, { status: 204 });
};
