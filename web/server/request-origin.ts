import type { IncomingHttpHeaders } from 'node:http';
import { SIGNED_CLIENT_ADDRESS_HEADER, signClientAddress } from '@switchyard/shared/client-address';

/**
 * Headers this server sets on every request before SvelteKit sees it, and names to adapter-node as
 * PROTOCOL_HEADER, HOST_HEADER and ADDRESS_HEADER. Copies sent by a client are removed first, so
 * only what this server decided reaches SvelteKit.
 */
export const TRUSTED_HEADERS = {
  protocol: 'x-switchyard-protocol',
  host: 'x-switchyard-host',
  clientAddress: 'x-switchyard-client-address',
  /** The client address signed for the gateway (with EDGE_SIGNING_SECRET); SvelteKit forwards it as is. */
  signedClientAddress: SIGNED_CLIENT_ADDRESS_HEADER,
} as const;

export interface RequestSource {
  protocol: 'http' | 'https';
  /** host[:port] as the browser addressed it. */
  host: string | undefined;
  clientAddress: string;
}

// A Host header value: a name, IPv4 or bracketed IPv6 address, and an optional port.
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Where a request came from, as SvelteKit must see it for its same-origin (CSRF) check and for
 * secure cookies. This server speaks plain HTTP, so the protocol is http unless a trusted proxy in
 * front says otherwise: with `trustedProxies` > 0, X-Forwarded-Proto, X-Forwarded-Host and
 * X-Forwarded-For are believed, taking the value that many hops from the right (the one the nearest
 * trusted proxy saw), so a client cannot choose them by sending its own.
 */
export function requestSource(
  headers: IncomingHttpHeaders,
  remoteAddress: string | undefined,
  trustedProxies: number,
): RequestSource {
  const direct: RequestSource = { protocol: 'http', host: headers.host, clientAddress: remoteAddress ?? '' };
  if (trustedProxies === 0) return direct;
  const protocol = forwarded(headers['x-forwarded-proto'], trustedProxies)?.toLowerCase();
  const host = forwarded(headers['x-forwarded-host'], trustedProxies);
  return {
    protocol: protocol === 'https' || protocol === 'http' ? protocol : direct.protocol,
    host: host && HOST.test(host) ? host : direct.host,
    clientAddress: forwarded(headers['x-forwarded-for'], trustedProxies) ?? direct.clientAddress,
  };
}

/**
 * Sets the trusted headers on `headers` (in place, as Node hands them to the handler), with the
 * signed client address when the gateway shares `edgeSigningSecret`.
 */
export function markRequest(headers: IncomingHttpHeaders, source: RequestSource, edgeSigningSecret?: string): void {
  for (const name of Object.values(TRUSTED_HEADERS)) delete headers[name];
  headers[TRUSTED_HEADERS.protocol] = source.protocol;
  if (source.host) headers[TRUSTED_HEADERS.host] = source.host;
  headers[TRUSTED_HEADERS.clientAddress] = source.clientAddress;
  if (edgeSigningSecret)
    headers[TRUSTED_HEADERS.signedClientAddress] = signClientAddress(edgeSigningSecret, source.clientAddress);
}

function forwarded(value: string | string[] | undefined, hops: number): string | undefined {
  const values = (Array.isArray(value) ? value.join(',') : (value ?? ''))
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return values[Math.max(0, values.length - hops)];
}
