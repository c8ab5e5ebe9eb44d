import { json } from '@sveltejs/kit';
import { RefreshSessionMutation } from '$lib/graphql/documents.js';
import { clientHeaders, firstErrorCode, gatewayRequest } from '$lib/server/gateway.js';
import { clearRefreshToken, readRefreshToken, startBrowserSession } from '$lib/server/session-cookie.js';
import type { RequestHandler } from './$types';

/**
 * Rotates the refresh cookie and returns a fresh access token. 401 when there is no live session:
 * `ended` tells a session that ended (expired, revoked) from a browser that never had one (a first
 * visit, or after signing out), so only the first is told "your session has ended".
 */
export const POST: RequestHandler = async (event) => {
  const { cookies, url } = event;
  const refreshToken = readRefreshToken(cookies);
  if (!refreshToken) return json({ code: 'UNAUTHENTICATED', ended: false }, { status: 401 });
  const result = await gatewayRequest(RefreshSessionMutation, { refreshToken }, { client: clientHeaders(event) }).catch(
    () => null,
  );
  if (!result) return json({ code: 'SERVICE_UNAVAILABLE' }, { status: 503 });
  if (!result.data?.refreshSession) {
    const code = firstErrorCode(result);
    if (code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT') {
      clearRefreshToken(cookies, url);
      return json({ code: 'UNAUTHENTICATED', ended: true }, { status: 401 });
    }
    return json({ code }, { status: code === 'RATE_LIMITED' ? 429 : 503 });
  }
  return json(startBrowserSession(cookies, url, result.data.refreshSession), {
    headers: { 'cache-control': 'no-store' },
  });
};
