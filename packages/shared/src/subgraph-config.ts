import { z } from 'zod';
import { env } from './config.ts';
import { DEFAULT_OPERATION_GUARD_LIMITS } from './operation-guard.ts';
import { defaultPortOf, envPrefix } from './subgraphs.ts';

/**
 * The variables every subgraph reads, for `z.object({ ...subgraphEnvShape('stores'), …own })`:
 * its port (default from SUBGRAPHS) and database override are prefixed with its name (STORES_PORT,
 * STORES_DATABASE_URL).
 */
export function subgraphEnvShape<N extends string>(name: N, defaultPort = defaultPortOf(name)) {
  const prefix = envPrefix(name) as Uppercase<N>;
  return {
    NODE_ENV: env.nodeEnv(),
    LOG_LEVEL: env.logLevel(),
    HOST: z.string().default('127.0.0.1'),
    [`${prefix}_PORT`]: env.port(defaultPort),
    DATA_DIR: z.string().default('.data'),
    DATABASE_URL: env.postgresUrl().optional(),
    [`${prefix}_DATABASE_URL`]: env.postgresUrl().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional(),
    OUTBOX_FAULT: z.enum(['crash-before-publish']).optional(),
    INTERNAL_SIGNING_SECRET: env.secret(),
    OTEL_EXPORTER_OTLP_ENDPOINT: env.otlpEndpoint(),
    SUBGRAPH_OPERATION_DEADLINE_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(600_000)
      .default(DEFAULT_OPERATION_GUARD_LIMITS.deadlineMs),
    SUBGRAPH_OPERATION_MAX_FIELDS: z.coerce
      .number()
      .int()
      .min(100)
      .max(100_000_000)
      .default(DEFAULT_OPERATION_GUARD_LIMITS.maxFields),
    OUTBOX_RETENTION_DAYS: env.retentionDays(7),
    RETENTION_INTERVAL_MS: z.coerce.number().int().min(1_000).default(3_600_000),
    RETENTION_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(1_000),
    RETENTION_PAUSE_MS: z.coerce.number().int().min(0).max(60_000).default(200),
  } as Record<
    | 'NODE_ENV'
    | 'LOG_LEVEL'
    | 'HOST'
    | 'DATA_DIR'
    | 'DATABASE_URL'
    | 'DATABASE_POOL_SIZE'
    | 'REDIS_URL'
    | 'OUTBOX_FAULT'
    | 'INTERNAL_SIGNING_SECRET'
    | 'OTEL_EXPORTER_OTLP_ENDPOINT'
    | 'SUBGRAPH_OPERATION_DEADLINE_MS'
    | 'SUBGRAPH_OPERATION_MAX_FIELDS'
    | 'OUTBOX_RETENTION_DAYS'
    | 'RETENTION_INTERVAL_MS'
    | 'RETENTION_BATCH_SIZE'
    | 'RETENTION_PAUSE_MS'
    | `${Uppercase<N>}_PORT`
    | `${Uppercase<N>}_DATABASE_URL`,
    z.ZodType
  >;
}

export interface SubgraphEnvValues {
  NODE_ENV: 'development' | 'production' | 'test';
  LOG_LEVEL: string;
  HOST: string;
  DATA_DIR: string;
  DATABASE_URL?: string;
  DATABASE_POOL_SIZE: number;
  REDIS_URL?: string;
  OUTBOX_FAULT?: 'crash-before-publish';
  INTERNAL_SIGNING_SECRET: string;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  SUBGRAPH_OPERATION_DEADLINE_MS: number;
  SUBGRAPH_OPERATION_MAX_FIELDS: number;
  OUTBOX_RETENTION_DAYS: number | null;
  RETENTION_INTERVAL_MS: number;
  RETENTION_BATCH_SIZE: number;
  RETENTION_PAUSE_MS: number;
}

/** The camelCase config every subgraph shares, from the parsed variables of subgraphEnvShape. */
export function subgraphConfig(name: string, e: SubgraphEnvValues) {
  const values = e as unknown as Record<string, unknown>;
  const prefix = envPrefix(name);
  return {
    development: e.NODE_ENV === 'development',
    logLevel: e.LOG_LEVEL,
    http: { host: e.HOST, port: values[`${prefix}_PORT`] as number },
    database: {
      url: values[`${prefix}_DATABASE_URL`] as string | undefined,
      baseUrl: e.DATABASE_URL,
      dataDir: e.DATA_DIR,
      poolSize: e.DATABASE_POOL_SIZE,
    },
    redisUrl: e.REDIS_URL,
    outboxFault: e.OUTBOX_FAULT ?? null,
    internalSigningSecret: e.INTERNAL_SIGNING_SECRET,
    otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
    operationGuard: { deadlineMs: e.SUBGRAPH_OPERATION_DEADLINE_MS, maxFields: e.SUBGRAPH_OPERATION_MAX_FIELDS },
    retention: {
      outboxDays: e.OUTBOX_RETENTION_DAYS,
      intervalMs: e.RETENTION_INTERVAL_MS,
      batchSize: e.RETENTION_BATCH_SIZE,
      pauseMs: e.RETENTION_PAUSE_MS,
    },
  };
}
