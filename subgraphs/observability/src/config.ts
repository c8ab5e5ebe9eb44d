import {
  SUBGRAPHS,
  env,
  parseEncryptionKey,
  envPrefix,
  publicUrlEnvShape,
  publicUrlOf,
  subgraphConfig,
  subgraphEnvShape,
  type SubgraphEnvValues,
} from '@switchyard/shared';
import { z } from 'zod';
import { backupEnvProblems, backupEnvShape, backupSettings, otherDatabaseUrlShape } from './backup-config.ts';

const serviceUrls = Object.fromEntries(
  SUBGRAPHS.map(({ name, defaultPort }) => [
    `${envPrefix(name)}_URL`,
    env.url().default(`http://127.0.0.1:${defaultPort}/graphql`),
  ]),
);
const DAY_MS = 86_400_000;
const list = z.string().transform((text) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/** The variables the observability subgraph reads (`.env.example` is checked against these keys). */
export const observabilityEnv = z.object({
  ...subgraphEnvShape('observability', 4005),
  // The same <SUBGRAPH>_URL variables as the gateway's: the checker and the activity feed reach each service there.
  ...serviceUrls,
  GATEWAY_URL: env.url().default('http://127.0.0.1:4000'),
  /** Which services to check; default: the gateway and every subgraph. */
  MONITORED_SERVICES: list.optional(),
  CHECK_INTERVAL_MS: z.coerce.number().int().min(200).default(15_000),
  CHECK_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  DEGRADED_LATENCY_MS: z.coerce.number().int().min(1).default(1_000),
  /** How long after the checker starts a target that has not been ready yet counts as starting, not down. */
  CHECK_STARTUP_GRACE_MS: z.coerce.number().int().min(0).default(120_000),
  CHECK_RETENTION_DAYS: z.coerce.number().int().min(1).default(7),
  ROLLUP_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  ACTIVITY_POLL_MS: z.coerce.number().int().min(100).default(5_000),
  ACTIVITY_RETENTION_DAYS: env.retentionDays(180),
  ACTIVITY_DEVICE_SIGNIFICANCE: z.enum(['low', 'medium', 'high']).default('medium'),
  ALERT_WEBHOOK_URLS: list.pipe(z.array(env.url())).optional(),
  ALERT_WEBHOOK_SECRET: env.secret().optional(),
  ALERT_EMAIL_TO: list.optional(),
  ALERT_EMAIL_FROM: z.string().default('switchyard@localhost'),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  /** How long the first notification of a group (one store, one service) waits for the others. */
  ALERT_GROUP_WAIT_SECONDS: z.coerce.number().int().min(0).max(3_600).default(10),
  /** Seals notification channels' secrets; default: a key derived from INTERNAL_SIGNING_SECRET. */
  OBSERVABILITY_ENCRYPTION_KEY: z
    .string()
    .refine((value) => parseEncryptionKey(value, 'observability') !== null, {
      message: 'must be 32 bytes as hex or base64, or a secret of at least 32 characters',
    })
    .optional(),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(10).default(2_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(5_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(10).default(3_600_000),
  /** How long a delivery is retried, and how long an endpoint may fail before it is disabled (24 h; tests shorten them). */
  WEBHOOK_RETRY_WINDOW_MS: z.coerce.number().int().min(100).default(DAY_MS),
  WEBHOOK_DISABLE_AFTER_MS: z.coerce.number().int().min(100).default(DAY_MS),
  /** After a rotation the old secret also signs for this long. */
  WEBHOOK_SECRET_GRACE_MS: z.coerce.number().int().min(0).default(DAY_MS),
  /** Private targets webhooks may reach anyway: host names, addresses, CIDRs, or `*`. Default: none. */
  WEBHOOK_ALLOWED_PRIVATE_TARGETS: list.optional(),
  WEBHOOK_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  WEBHOOK_BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  WEBHOOK_DELIVERY_RETENTION_DAYS: env.retentionDays(30),
  ...backupEnvShape,
  ...otherDatabaseUrlShape,
  // The public origin push URLs are shown on (the web server forwards /push/ to the gateway).
  ...publicUrlEnvShape,
  /** The shortest interval a monitor may have (tests and benchmarks lower it). */
  MONITOR_MIN_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(20),
  /** Monitor checks running at once at most. */
  MONITOR_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
  /** How often each replica looks for monitors changed on another replica. */
  MONITOR_RELOAD_MS: z.coerce.number().int().min(100).default(5_000),
});

/** The observability subgraph's environment, parsed once by index.ts into a frozen camelCase object. */
export const observabilityEnvSchema = observabilityEnv
  .refine((e) => !e.ALERT_WEBHOOK_URLS?.length || e.ALERT_WEBHOOK_SECRET, {
    path: ['ALERT_WEBHOOK_SECRET'],
    message: 'is required with ALERT_WEBHOOK_URLS (receivers verify the signature with it)',
  })
  .superRefine((e, ctx) => {
    for (const { path, message } of backupEnvProblems(e)) ctx.addIssue({ code: 'custom', path: [path], message });
  })
  .transform((e) => {
    const values = e as Record<string, unknown>;
    const baseOf = (url: string) => url.replace(/\/graphql\/?$/, '');
    const all = ['gateway', ...SUBGRAPHS.map(({ name }) => name)];
    return {
      ...subgraphConfig('observability', e as SubgraphEnvValues),
      serviceUrls: Object.fromEntries([
        ['gateway', baseOf(e.GATEWAY_URL)],
        ...SUBGRAPHS.map(({ name }) => [name, baseOf(String(values[`${envPrefix(name)}_URL`]))]),
      ]) as Record<string, string>,
      monitoredServices: e.MONITORED_SERVICES ?? all,
      checks: {
        intervalMs: e.CHECK_INTERVAL_MS,
        timeoutMs: e.CHECK_TIMEOUT_MS,
        degradedAboveMs: e.DEGRADED_LATENCY_MS,
        startupGraceMs: e.CHECK_STARTUP_GRACE_MS,
        rawRetentionDays: e.CHECK_RETENTION_DAYS,
        rollupRetentionDays: e.ROLLUP_RETENTION_DAYS,
      },
      activityPollMs: e.ACTIVITY_POLL_MS,
      activityRetentionDays: e.ACTIVITY_RETENTION_DAYS,
      activityDeviceSignificance: e.ACTIVITY_DEVICE_SIGNIFICANCE,
      notifications: {
        webhookUrls: e.ALERT_WEBHOOK_URLS ?? [],
        webhookSecret: e.ALERT_WEBHOOK_SECRET ?? null,
        emailTo: e.ALERT_EMAIL_TO ?? [],
        emailFrom: e.ALERT_EMAIL_FROM,
        smtpUrl: e.SMTP_URL ?? null,
        maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
        retryBaseMs: e.NOTIFY_RETRY_BASE_MS,
        groupWaitMs: e.ALERT_GROUP_WAIT_SECONDS * 1000,
        encryptionKey: e.OBSERVABILITY_ENCRYPTION_KEY ?? null,
      },
      backups: backupSettings(e as typeof e & SubgraphEnvValues),
      publicUrl: publicUrlOf(e, (e as SubgraphEnvValues).HOST),
      monitors: {
        minIntervalSeconds: e.MONITOR_MIN_INTERVAL_SECONDS,
        concurrency: e.MONITOR_CONCURRENCY,
        reloadMs: e.MONITOR_RELOAD_MS,
        /** The system's own endpoints, which monitors may not reach (see jobs/monitor-checks.ts). */
        ownUrls: [
          e.GATEWAY_URL,
          ...SUBGRAPHS.map(({ name }) => String(values[`${envPrefix(name)}_URL`])),
          `http://127.0.0.1:${e.WEB_PORT}`,
          e.PUBLIC_URL,
          e.DATABASE_URL,
          e.REDIS_URL,
          ...Object.entries(values)
            .filter(([key, value]) => key.endsWith('_DATABASE_URL') && typeof value === 'string')
            .map(([, value]) => value as string),
        ].filter((url): url is string => typeof url === 'string' && url.length > 0),
      },
      webhooks: {
        timeoutMs: e.WEBHOOK_TIMEOUT_MS,
        concurrency: e.WEBHOOK_CONCURRENCY,
        retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
        retryMaxMs: e.WEBHOOK_RETRY_MAX_MS,
        retryWindowMs: e.WEBHOOK_RETRY_WINDOW_MS,
        disableAfterMs: e.WEBHOOK_DISABLE_AFTER_MS,
        secretGraceMs: e.WEBHOOK_SECRET_GRACE_MS,
        allowedPrivateTargets: e.WEBHOOK_ALLOWED_PRIVATE_TARGETS ?? [],
        breakerFailures: e.WEBHOOK_BREAKER_FAILURES,
        breakerHalfOpenAfterMs: e.WEBHOOK_BREAKER_HALF_OPEN_MS,
        deliveryRetentionDays: e.WEBHOOK_DELIVERY_RETENTION_DAYS,
      },
    };
  });

export type ObservabilityConfig = z.output<typeof observabilityEnvSchema>;
