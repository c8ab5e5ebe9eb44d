import { env } from '$env/dynamic/public';
import { json, type Handle } from '@sveltejs/kit';
import { isCrossSiteRequest } from '$lib/server/same-origin.js';

export const handle: Handle = async ({ event, resolve }) => {
  if (isCrossSiteRequest(event.request, event.url))
    return json({ code: 'FORBIDDEN', message: 'Cross-site requests are refused' }, { status: 403 });
  const response = await resolve(event);
  // The websocket's origin when PUBLIC_GATEWAY_WS_URL points away from this one: the CSP must allow it.
  const elsewhere = env.PUBLIC_GATEWAY_WS_URL ? new URL(env.PUBLIC_GATEWAY_WS_URL).origin : null;
  const csp = response.headers.get('content-security-policy');
  if (csp && elsewhere)
    response.headers.set(
      'content-security-policy',
      csp.replace("connect-src 'self'", `connect-src 'self' ${elsewhere}`),
    );
  return response;
};
