import { env } from '$env/dynamic/public';

/**
 * The gateway's graphql-ws endpoint for the browser. The web server carries it on this page's own
 * origin (web/server), so the browser needs no other host or port; PUBLIC_GATEWAY_WS_URL points it
 * elsewhere when that is wanted.
 */
export function gatewayWsUrl(): string {
  if (env.PUBLIC_GATEWAY_WS_URL) return env.PUBLIC_GATEWAY_WS_URL;
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}
