// The web app's production server: SvelteKit's adapter-node handler behind a small Node server that
// knows what adapter-node cannot. The connection is plain HTTP, so a request's origin is
// http://<its Host> (adapter-node alone assumes https:// unless ORIGIN is set, and then refuses every
// form post from a browser on http), or what trusted proxies say (WEB_TRUST_PROXY). It also carries
// the gateway's websocket and event stream on this origin, so the browser needs no other port, and
// forwards hubs' event posts to hardware, so a hub needs no other port either (one public origin).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { loadConfigOrExit } from '@switchyard/shared/config';
import { HUBITAT_EVENTS_PREFIX } from '@switchyard/shared/hubitat-events';
import { createLogger } from '@switchyard/shared/logger';
import { stopOnSignal } from '@switchyard/shared/shutdown';
import { createProxyServer, proxyUpgrade } from 'httpxy';
import { webEnvSchema } from './config.ts';
import { TRUSTED_HEADERS, markRequest, requestSource } from './request-origin.ts';
import { securityHeaders } from './security-headers.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const config = loadConfigOrExit('web', webEnvSchema);
const logger = createLogger('web', config.logLevel);

// adapter-node reads these when its handler is loaded; SvelteKit's server routes read GATEWAY_URL.
process.env.PROTOCOL_HEADER = TRUSTED_HEADERS.protocol;
process.env.HOST_HEADER = TRUSTED_HEADERS.host;
process.env.ADDRESS_HEADER = TRUSTED_HEADERS.clientAddress;
process.env.GATEWAY_URL = config.gatewayUrl;
if (config.origin) process.env.ORIGIN = config.origin;
else delete process.env.ORIGIN;
const { handler } = (await import(new URL('../build/handler.js', import.meta.url).href)) as { handler: Handler };

const gatewayOrigin = new URL(config.gatewayUrl).origin;
const originProtocol = config.origin ? (new URL(config.origin).protocol.slice(0, -1) as 'http' | 'https') : undefined;
const proxy = createProxyServer({ target: gatewayOrigin });
const hardwareProxy = createProxyServer({ target: config.hardwareOrigin });
// Paths the gateway serves itself, on the same path here: its graphql-ws endpoint and its SSE stream.
const WEBSOCKET_PATH = '/graphql';
const EVENT_STREAM_PATH = '/graphql/stream';
const PUSH_PREFIX = '/push/';

const server = createServer((req, res) => {
  const source = requestSource(req.headers, req.socket.remoteAddress, config.trustedProxies);
  markRequest(req.headers, source, config.edgeSigningSecret);
  // With ORIGIN set, its protocol is the one browsers use, whatever reached this server.
  for (const [name, value] of Object.entries(securityHeaders({ protocol: originProtocol ?? source.protocol })))
    res.setHeader(name, value);
  const path = pathOf(req);
  if (path === '/health') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  if (path.startsWith(HUBITAT_EVENTS_PREFIX)) return forwardHubEvent(req, res);
  // Push monitors' heartbeats: the gateway's /push/<token> (observability README "Monitors").
  if (path.startsWith(PUSH_PREFIX)) return forwardPush(req, res, source.clientAddress);
  if (path !== EVENT_STREAM_PATH) return handler(req, res, () => res.writeHead(404).end('Not found'));
  proxy.web(req, res, { headers: { 'x-forwarded-for': source.clientAddress } }).catch((error: unknown) => {
    logger.warn({ err: error }, 'event stream proxy failed');
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ errors: [{ message: 'The API is unreachable.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }),
    );
  });
});

/**
 * A hub's event post, passed to hardware as it came (hardware checks the secret in the path and the
 * body). The path holds the hub's secret, so neither it nor the error (which may quote the URL) is logged.
 */
function forwardHubEvent(req: IncomingMessage, res: ServerResponse): void {
  hardwareProxy.web(req, res).catch((error: unknown) => {
    logger.warn({ code: (error as NodeJS.ErrnoException).code }, 'hub event not forwarded: hardware unreachable');
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    // Hubs retry a 5xx; `{ error }` is the shape of hardware's own answers on this route.
    res.end(JSON.stringify({ error: 'hardware is unreachable; retry later' }));
  });
}

/** A push monitor's call, passed to the gateway as it came; the path holds the token, so it is not logged. */
function forwardPush(req: IncomingMessage, res: ServerResponse, clientAddress: string): void {
  proxy.web(req, res, { headers: { 'x-forwarded-for': clientAddress } }).catch((error: unknown) => {
    logger.warn({ code: (error as NodeJS.ErrnoException).code }, 'push not forwarded: gateway unreachable');
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: false, error: 'unavailable; retry later' }));
  });
}

const upgraded = new Set<Duplex>();
server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
  if (pathOf(req) !== WEBSOCKET_PATH) return socket.destroy();
  const source = requestSource(req.headers, req.socket.remoteAddress, config.trustedProxies);
  markRequest(req.headers, source, config.edgeSigningSecret);
  upgraded.add(socket);
  socket.once('close', () => upgraded.delete(socket));
  const headers = { 'x-forwarded-for': source.clientAddress };
  proxyUpgrade(gatewayOrigin, req, socket, head, { xfwd: false, headers }).catch((error: unknown) => {
    logger.warn({ err: error }, 'websocket proxy failed');
    socket.destroy();
  });
});

await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(config.http.port, config.http.host, resolve);
});
logger.info({ url: `http://${config.http.host}:${config.http.port}`, gateway: config.gatewayUrl }, 'web ready');

stopOnSignal(async (signal) => {
  logger.info({ signal }, 'shutting down');
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  for (const socket of upgraded) socket.destroy();
  await closed;
});

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://localhost').pathname;
}
