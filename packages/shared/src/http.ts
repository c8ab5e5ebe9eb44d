import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler } from 'express';
import { isInternalPath } from './internal-routes/internal-path.ts';
import type { Logger } from './logger.ts';
import type { ServiceMetrics } from './metrics.ts';
import { stopOnSignal } from './shutdown.ts';
import { TRACEPARENT_HEADER, continueTrace, formatTraceparent, type TraceContext } from './trace-context.ts';
import { startRequestSpan } from './tracing.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      requestId: string;
      /** This request's place in its W3C trace; forward `formatTraceparent(req.trace)` on calls it makes. */
      trace: TraceContext;
      log: Logger;
      rawBody?: Buffer;
    }
  }
}

export interface ServiceAppOptions {
  logger: Logger;
  metrics: ServiceMetrics;
  /** Lets a /metrics request through or answers it (see metrics-access.ts). */
  metricsAccess: RequestHandler;
  /** Resolves when the service can do its work (database reachable…); rejects with the reason otherwise. */
  ready: () => Promise<void>;
  /**
   * Dependencies /ready reports without being unready for them (e.g. `{ redis: 'down' }`): the
   * service works on without them, so a load balancer must not take it out of rotation.
   */
  dependencies?: () => Promise<Record<string, 'up' | 'down'>>;
  bodyLimit?: string;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const UNLOGGED_PATHS = new Set(['/health', '/ready', '/metrics']);

/** The express app every service starts from: request ids, logs, metrics, health, readiness, JSON bodies. */
export function createServiceApp({
  logger,
  metrics,
  metricsAccess,
  ready,
  dependencies = async () => ({}),
  bodyLimit = '1mb',
}: ServiceAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use((req, res, next) => {
    const incoming = req.get('x-request-id');
    req.requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    // With tracing on, the request's server span is the span it logs and forwards (none for probes and scrapes).
    const span = UNLOGGED_PATHS.has(req.path)
      ? null
      : startRequestSpan(req.method, req.path, req.get(TRACEPARENT_HEADER));
    req.trace = span?.trace ?? continueTrace(req.get(TRACEPARENT_HEADER));
    defineRequestLogger(req, logger);
    res.setHeader('x-request-id', req.requestId);
    res.setHeader(TRACEPARENT_HEADER, formatTraceparent(req.trace));
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route = routeLabel(req);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method: req.method, route }, seconds);
      // Service-to-service calls (credential checks, event feeds polled every second) would drown the rest at info.
      const level = isInternalPath(req.path) ? 'debug' : 'info';
      if (!UNLOGGED_PATHS.has(req.path) && logger.isLevelEnabled(level)) {
        req.log[level](
          { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(seconds * 1000) },
          'request',
        );
      }
    });
    if (!span) return next();
    // 'close' also comes when the client goes away first, so no span is left open.
    res.once('close', () =>
      span.end({ route: routeLabel(req), status: res.statusCode, operationName: operationNameOf(req.body) }),
    );
    span.run(next);
  });

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (req, res) => {
    const [readiness, reported] = await Promise.all([
      ready().then(
        () => null,
        (error: Error) => error,
      ),
      dependencies(),
    ]);
    const extra = Object.keys(reported).length > 0 ? { dependencies: reported } : {};
    if (!readiness) return void res.json({ status: 'ready', ...extra });
    // Expected while starting or while a dependency is away, and polled often (the launcher, probes): the reason
    // is in the answer; dependencies going away are logged by their breakers.
    req.log.debug({ reason: readiness.message }, 'not ready');
    res.status(503).json({ status: 'unavailable', reason: readiness.message, ...extra });
  });
  app.get('/metrics', metricsAccess, async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // Keep the raw bytes: subgraphs verify the gateway's signature over them.
  app.use(express.json({ limit: bodyLimit, verify: (req, _res, buffer) => void ((req as Request).rawBody = buffer) }));
  return app;
}

/**
 * `req.log`: the service's logger with the request's id and trace, made when first used. Most
 * requests log nothing at the configured level (the access log below is skipped then), and a pino
 * child per request is a measurable share of a busy gateway's CPU.
 */
function defineRequestLogger(req: Request, logger: Logger): void {
  let child: Logger | undefined;
  Object.defineProperty(req, 'log', {
    configurable: true,
    enumerable: true,
    get: () => (child ??= logger.child({ requestId: req.requestId, traceId: req.trace.traceId })),
    set: (value: Logger) => void (child = value),
  });
}

/** Last handlers: unknown routes and body errors become clear 4xx answers; nothing else leaks. */
export function finishServiceApp(app: Express): void {
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });
  const handleError: ErrorRequestHandler = (error, req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    const message =
      error?.type === 'entity.too.large'
        ? 'Request body too large'
        : error?.type === 'entity.parse.failed'
          ? 'Malformed JSON body'
          : status < 500
            ? 'Bad request'
            : 'Internal server error';
    if (status === 500) req.log.error({ err: error }, 'unhandled error');
    if (res.headersSent) return void res.end();
    res
      .status(status)
      .json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  };
  app.use(handleError);
}

function operationNameOf(body: unknown): string | undefined {
  const name = (body as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === 'string' && name ? name.slice(0, 100) : undefined;
}

function routeLabel(req: Request): string {
  // Only known mount points become labels, so arbitrary URLs cannot blow up metric cardinality.
  const route = (req.route as { path?: string } | undefined)?.path;
  return typeof route === 'string' ? `${req.baseUrl}${route}` : req.baseUrl || 'other';
}

export interface ServeOptions {
  port: number;
  host: string;
  logger: Logger;
  /** Closes what the service opened (Apollo, database…) after the HTTP server stopped accepting. */
  onShutdown: () => Promise<void>;
}

/** Listens, and on SIGINT/SIGTERM stops accepting, drains and closes resources (then the process exits, see stopOnSignal). */
export async function serve(app: Express, { port, host, logger, onShutdown }: ServeOptions): Promise<Server> {
  const server = app.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  server.keepAliveTimeout = 65_000;
  stopOnSignal(async (signal) => {
    logger.info({ signal }, 'shutting down');
    server.close();
    server.closeIdleConnections();
    try {
      await onShutdown();
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
    }
  });
  return server;
}

/** What /ready reports about Redis: its state as the nonce store sees it, nothing without Redis. */
export function redisDependency(nonces: {
  redisStatus?(): Promise<'up' | 'down'>;
}): () => Promise<Record<string, 'up' | 'down'>> {
  return async (): Promise<Record<string, 'up' | 'down'>> =>
    nonces.redisStatus ? { redis: await nonces.redisStatus() } : {};
}
