import { DEFAULT_PORTS, SUBGRAPHS, authenticationConfig, authenticationEnv, env, envPrefix } from '@switchyard/shared';
import { z } from 'zod';
import { TRUSTED_DOCUMENTS_MODES } from './trusted-documents.ts';

// Overrides of the URLs the supergraph gives its subgraphs (any subgraph's `<NAME>_URL` is read; these are checked here).
const subgraphUrls = Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${envPrefix(name)}_URL`, env.url().optional()]));

/** The variables the gateway reads (`.env.example` is checked against these keys). */
export const gatewayEnv = z.object({
  NODE_ENV: env.nodeEnv(),
  LOG_LEVEL: env.logLevel(),
  HOST: z.string().default('127.0.0.1'),
  PORT: env.port(DEFAULT_PORTS.gateway),
  INTERNAL_SIGNING_SECRET: env.secret(),
  JWT_SECRET: env.secret(),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  GATEWAY_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  GATEWAY_BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  // Authentication calls to identity (see the shared authentication/ and the README, "When identity or Redis is in trouble").
  ...authenticationEnv,
  // Breaker events on the shared bus (observability follows them live); without it, only /internal/events.
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional(),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/, 'must look like 512kb or 1mb')
    .default('1mb'),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Shared with the web server, which signs the browser's address with it (packages/shared/src/client-address.ts).
  EDGE_SIGNING_SECRET: env.secret().optional(),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.string().refine(isOrigin, {
          error: 'must list origins such as https://app.example.com, comma-separated (no paths, no *)',
        }),
      ),
    ),
  // Who may introspect and read "Did you mean" suggestions: the explorer needs them, anonymous callers do not.
  INTROSPECTION: z.enum(['everyone', 'signed-in', 'off']).default('signed-in'),
  // Who must send the web app's registered documents (see trusted-documents.ts and the README).
  TRUSTED_DOCUMENTS: z.enum(TRUSTED_DOCUMENTS_MODES).default('off'),
  // How long an automatic persisted query stays registered (in Redis with REDIS_URL, else in memory).
  PERSISTED_QUERY_TTL_SECONDS: z.coerce.number().int().min(60).default(86_400),
  // Operation limits, checked on every transport before planning (see operation-limits.ts and the README).
  OPERATION_MAX_SIZE: z.coerce.number().int().min(100).default(20_000),
  OPERATION_MAX_TOKENS: z.coerce.number().int().min(10).default(1_000),
  OPERATION_MAX_DEPTH: z.coerce.number().int().min(1).default(10),
  OPERATION_MAX_ALIASES: z.coerce.number().int().min(0).default(15),
  OPERATION_MAX_ROOT_FIELDS: z.coerce.number().int().min(1).default(10),
  OPERATION_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(50),
  // Both default to 10,000 on the product's own supergraph and to none on another's (see withSupergraph).
  OPERATION_MAX_COST: z.coerce.number().int().min(1).optional(),
  OPERATION_DEFAULT_LIST_SIZE: z.coerce.number().int().min(1).default(20),
  // Rate limits: tokens (operation cost) per minute per caller, a token bucket holding one minute's worth.
  RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(1).optional(),
  RATE_LIMIT_VIEWER: z.coerce.number().int().min(1).default(100_000),
  RATE_LIMIT_OPERATOR: z.coerce.number().int().min(1).default(200_000),
  RATE_LIMIT_ADMIN: z.coerce.number().int().min(1).default(1_000_000),
  // Per API key id (`id=tokens,id=tokens`), overriding its owner's role.
  RATE_LIMIT_API_KEYS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(/^[^=\s]+=[1-9]\d*$/, { error: 'must list API key ids with tokens per minute: id=600,id=6000' }),
      ),
    )
    .transform((entries) =>
      Object.fromEntries(entries.map((entry) => [entry.split('=')[0]!, Number(entry.split('=')[1])])),
    ),
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).default(100),
  WS_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).default(20),
  WS_REAUTH_INTERVAL_MS: z.coerce.number().int().min(250).default(5_000),
  WS_KEEPALIVE_MS: z.coerce.number().int().min(1_000).default(12_000),
  // A bearer token for Prometheus on /metrics; the internal signature (observability's checks) works either way.
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: env.otlpEndpoint(),
  // Any Federation 2 supergraph (subgraph URLs from its @join__graph); the checked-in one by default.
  SUPERGRAPH_FILE: z.string().min(1).optional(),
  // Identical subgraph fetches in flight at the same moment share one request (inflight-deduplication.ts).
  SUBGRAPH_DEDUP: env.boolean(true),
  ...subgraphUrls,
});

/** The gateway's environment, parsed once by index.ts. */
export const gatewayEnvSchema = gatewayEnv.transform((e) => ({
  development: e.NODE_ENV === 'development',
  logLevel: e.LOG_LEVEL,
  http: {
    host: e.HOST,
    port: e.PORT,
    bodyLimit: e.BODY_LIMIT,
    trustProxyHops: e.TRUST_PROXY,
    edgeSigningSecret: e.EDGE_SIGNING_SECRET,
    corsOrigins: e.CORS_ORIGINS,
  },
  internalSigningSecret: e.INTERNAL_SIGNING_SECRET,
  jwtSecret: e.JWT_SECRET,
  metricsToken: e.METRICS_TOKEN,
  introspection: e.INTROSPECTION,
  trustedDocuments: e.TRUSTED_DOCUMENTS,
  persistedQueryTtlSeconds: e.PERSISTED_QUERY_TTL_SECONDS,
  operationLimits: {
    maxSize: e.OPERATION_MAX_SIZE,
    maxTokens: e.OPERATION_MAX_TOKENS,
    depth: e.OPERATION_MAX_DEPTH,
    aliases: e.OPERATION_MAX_ALIASES,
    rootFields: e.OPERATION_MAX_ROOT_FIELDS,
    directives: e.OPERATION_MAX_DIRECTIVES,
    cost: e.OPERATION_MAX_COST ?? null,
    defaultListSize: e.OPERATION_DEFAULT_LIST_SIZE,
  },
  rateLimits: {
    anonymous: e.RATE_LIMIT_ANONYMOUS ?? null,
    roles: { VIEWER: e.RATE_LIMIT_VIEWER, OPERATOR: e.RATE_LIMIT_OPERATOR, ADMIN: e.RATE_LIMIT_ADMIN },
    apiKeys: e.RATE_LIMIT_API_KEYS,
  },
  subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
  breakers: { failures: e.GATEWAY_BREAKER_FAILURES, halfOpenAfterMs: e.GATEWAY_BREAKER_HALF_OPEN_MS },
  authentication: authenticationConfig(e),
  redisUrl: e.REDIS_URL,
  otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
  websocket: {
    maxSubscriptionsPerConnection: e.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
    maxConnectionsPerUser: e.WS_MAX_CONNECTIONS_PER_USER,
    reauthIntervalMs: e.WS_REAUTH_INTERVAL_MS,
    keepAliveMs: e.WS_KEEPALIVE_MS,
  },
  supergraphFile: e.SUPERGRAPH_FILE,
  subgraphDedup: e.SUBGRAPH_DEDUP,
}));

/** The parsed environment, plus where each of the supergraph's subgraphs is (see supergraph.ts). */
export type GatewayConfig = z.output<typeof gatewayEnvSchema> & { subgraphUrls: Record<string, string> };

const OWN_SUPERGRAPH_LIMIT = 10_000;

/**
 * The configuration for a supergraph. The product's own (it has identity) gets a cost limit and an
 * anonymous rate limit of 10,000 unless set. Another team's gets neither unless set: its lists
 * carry no size hints a cost estimate could trust, and with no identity every caller is anonymous,
 * told apart only by address (behind a load balancer, one bucket for everyone).
 */
export function withSupergraph(
  parsed: z.output<typeof gatewayEnvSchema>,
  subgraphUrls: Record<string, string>,
): GatewayConfig {
  const own = 'identity' in subgraphUrls;
  const fallback = own ? OWN_SUPERGRAPH_LIMIT : null;
  return {
    ...parsed,
    subgraphUrls,
    operationLimits: { ...parsed.operationLimits, cost: parsed.operationLimits.cost ?? fallback },
    rateLimits: { ...parsed.rateLimits, anonymous: parsed.rateLimits.anonymous ?? fallback },
  };
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}
