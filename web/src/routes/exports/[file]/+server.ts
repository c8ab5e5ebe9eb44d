import { clientHeaders, gatewayUrl } from '$lib/server/gateway.js';
import type { RequestHandler } from './$types';

// The gateway's file names: <subgraph>.<extension>; anything else is not forwarded.
const EXPORT_FILE = /^[a-z][a-z0-9-]*\.(csv|tar\.gz)$/;
const FORWARDED_HEADERS = ['content-type', 'content-disposition'];

/**
 * Same-origin path to the gateway's file exports (`GET /exports/stores.csv?filter=…`), like /graphql:
 * the browser's bearer token passes through, and the file is streamed, never buffered here.
 */
export const GET: RequestHandler = async (event) => {
  const { params, url, request } = event;
  if (!EXPORT_FILE.test(params.file)) {
    return Response.json(
      { errors: [{ message: `No export named ${params.file}`, extensions: { code: 'NOT_FOUND' } }] },
      { status: 404 },
    );
  }
  const target = new URL(`/exports/${params.file}`, gatewayUrl());
  target.search = url.search;
  const headers = new Headers(clientHeaders(event));
  const authorization = request.headers.get('authorization');
  if (authorization) headers.set('authorization', authorization);
  try {
    // The browser giving up (navigation, closed tab) ends the upstream request too.
    const upstream = await fetch(target, { headers, signal: request.signal });
    const response = new Headers({ 'cache-control': 'no-store' });
    for (const name of FORWARDED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) response.set(name, value);
    }
    return new Response(upstream.body, { status: upstream.status, headers: response });
  } catch {
    return Response.json(
      { errors: [{ message: 'The export is unavailable right now.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
      { status: 503 },
    );
  }
};
