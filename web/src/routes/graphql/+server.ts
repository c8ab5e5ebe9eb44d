import { clientHeaders, gatewayUrl } from '$lib/server/gateway.js';
import type { RequestHandler } from './$types';

/** Same-origin path to the gateway for HTTP operations; the browser's credential passes through. */
export const POST: RequestHandler = async (event) => {
  const { request } = event;
  const headers = new Headers({
    ...clientHeaders(event),
    'content-type': 'application/json',
    accept: request.headers.get('accept') ?? 'application/json',
  });
  // The two credentials the gateway reads: a session's or key's bearer token, or an API key as x-api-key.
  for (const name of ['authorization', 'x-api-key']) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  try {
    const upstream = await fetch(gatewayUrl(), { method: 'POST', headers, body: await request.text() });
    return new Response(upstream.body, {
      status: upstream.status,
      headers: {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
        'cache-control': 'no-store',
      },
    });
  } catch {
    return Response.json(
      { errors: [{ message: 'The API is unreachable.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
      { status: 503 },
    );
  }
};
