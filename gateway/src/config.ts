import { SUBGRAPHS, env, envPrefix } from '@switchyard/shared';
import { z } from 'zod';

const subgraphUrls = Object.fromEntries(
  SUBGRAPHS.map(({ name, defaultPort }) => [`${envPrefix(name)}_URL`, env.url().default(`http://127.0.0.1:${defaultPort}/graphql`)]),
);

/** The variables the gateway reads (`.env.example` is checked against these keys). */
export const gatewayEnv = z.object({
  NODE_ENV: env.nodeEnv(),
  LOG_LEVEL: env.logLevel(),
  HOST: z.string().default('127.0.0.1'),
  PORT: env.port(4000),
  INTERNAL_SIGNING_SECRET: env.secret(),
  JWT_SECRET: env.secret(),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  GATEWAY_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  GATEWAY_BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  // Breaker events on the shared bus (observability follows them live); without it, only /internal/events.
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional(),
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'must look like 512kb or 1mb').default('1mb'),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  INTROSPECTION: env.boolean(true),
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).default(100),
  WS_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).default(20),
  WS_REAUTH_INTERVAL_MS: z.coerce.number().int().min(250).default(5_000),
  WS_KEEPALIVE_MS: z.coerce.number().int().min(1_000).default(12_000),
  OTEL_EXPORTER_OTLP_ENDPOINT: env.otlpEndpoint(),
  ...subgraphUrls,
});

/** The gateway's environment, parsed once by index.ts. */
export const gatewayEnvSchema = gatewayEnv.transform((e) => ({
    development: e.NODE_ENV === 'development',
    logLevel: e.LOG_LEVEL,
    http: { host: e.HOST, port: e.PORT, bodyLimit: e.BODY_LIMIT, trustProxyHops: e.TRUST_PROXY },
    internalSigningSecret: e.INTERNAL_SIGNING_SECRET,
    jwtSecret: e.JWT_SECRET,
    introspection: e.INTROSPECTION,
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    breakers: { failures: e.GATEWAY_BREAKER_FAILURES, halfOpenAfterMs: e.GATEWAY_BREAKER_HALF_OPEN_MS },
    redisUrl: e.REDIS_URL,
    otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
    websocket: {
      maxSubscriptionsPerConnection: e.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      maxConnectionsPerUser: e.WS_MAX_CONNECTIONS_PER_USER,
      reauthIntervalMs: e.WS_REAUTH_INTERVAL_MS,
      keepAliveMs: e.WS_KEEPALIVE_MS,
    },
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, String((e as Record<string, unknown>)[`${envPrefix(name)}_URL`])])),
  }));

export type GatewayConfig = z.output<typeof gatewayEnvSchema>;
