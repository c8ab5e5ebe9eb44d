import {
  env,
  publicUrlEnvShape,
  publicUrlOf,
  subgraphConfig,
  subgraphEnvShape,
  type SubgraphEnvValues,
} from '@switchyard/shared';
import { z } from 'zod';
import { parseEncryptionKey } from './domain/encryption-key.ts';

const milliseconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The variables hardware reads (`.env.example` is checked against these keys). */
export const hardwareEnv = z.object({
  ...subgraphEnvShape('hardware'),
  // Kept as hex (a frozen config cannot hold a Buffer); see parseEncryptionKey for what is accepted.
  HARDWARE_ENCRYPTION_KEY: z.string().transform((value, ctx) => {
    const key = parseEncryptionKey(value);
    if (!key)
      ctx.addIssue({
        code: 'custom',
        message: 'must be 32 bytes as hex or base64, or a secret of at least 32 characters',
      });
    return key?.toString('hex') ?? '';
  }),
  // The one public origin hubs post their events to (the web server forwards them here); by default
  // the web server on this host, http://<HOST>:<WEB_PORT>.
  ...publicUrlEnvShape,
  HUB_TIMEOUT_MS: milliseconds(3_000),
  HUB_RETRY_ATTEMPTS: z.coerce.number().int().min(1).max(5).default(2),
  HUB_BREAKER_FAILURES: z.coerce.number().int().min(1).default(5),
  HUB_BREAKER_HALF_OPEN_MS: milliseconds(10_000),
  HUB_POLL_INTERVAL_MS: milliseconds(60_000),
  // How long a command's new state may take to arrive (see sendDeviceCommand's confirmBy).
  HUB_COMMAND_TIMEOUT_MS: milliseconds(10_000),
  HUB_EVENT_DEDUPE_WINDOW_MS: milliseconds(10_000),
  HUB_EVENT_QUEUE_LIMIT: z.coerce.number().int().min(100).default(5_000),
  DEVICE_EVENT_RETENTION_DAYS: env.retentionDays(90),
  // Hourly roll-ups of numeric attributes (the device page's charts): kept longer than raw events.
  DEVICE_ROLLUP_RETENTION_DAYS: env.retentionDays(730),
  SIMULATED_HUB_URL: env.url().optional(),
  SIMULATED_HUB_TOKEN: z.string().min(8).optional(),
  SIMULATED_HUB_APP_ID: z.string().regex(/^\d+$/).default('1'),
  REGISTER_SIMULATED_HUB: env.boolean(true),
});

/** Hardware's environment, parsed once by index.ts into a frozen camelCase object. */
export const hardwareEnvSchema = hardwareEnv
  .refine((e) => !e.SIMULATED_HUB_URL === !e.SIMULATED_HUB_TOKEN, {
    path: ['SIMULATED_HUB_TOKEN'],
    message: 'set SIMULATED_HUB_URL and SIMULATED_HUB_TOKEN together',
  })
  .transform((e) => {
    const shared = subgraphConfig('hardware', e as SubgraphEnvValues);
    const { host } = shared.http;
    return {
      ...shared,
      encryptionKeyHex: e.HARDWARE_ENCRYPTION_KEY,
      publicUrl: publicUrlOf(e, host),
      hubs: {
        timeoutMs: e.HUB_TIMEOUT_MS,
        attempts: e.HUB_RETRY_ATTEMPTS,
        breakerFailures: e.HUB_BREAKER_FAILURES,
        halfOpenAfterMs: e.HUB_BREAKER_HALF_OPEN_MS,
        pollIntervalMs: e.HUB_POLL_INTERVAL_MS,
        commandTimeoutMs: e.HUB_COMMAND_TIMEOUT_MS,
      },
      events: { dedupeWindowMs: e.HUB_EVENT_DEDUPE_WINDOW_MS, queueLimit: e.HUB_EVENT_QUEUE_LIMIT },
      deviceEventRetentionDays: e.DEVICE_EVENT_RETENTION_DAYS,
      deviceRollupRetentionDays: e.DEVICE_ROLLUP_RETENTION_DAYS,
      simulatedHub:
        e.SIMULATED_HUB_URL && e.SIMULATED_HUB_TOKEN && e.REGISTER_SIMULATED_HUB
          ? {
              baseUrl: e.SIMULATED_HUB_URL.replace(/\/+$/, ''),
              accessToken: e.SIMULATED_HUB_TOKEN,
              appId: e.SIMULATED_HUB_APP_ID,
            }
          : null,
    };
  });

export type HardwareConfig = z.output<typeof hardwareEnvSchema>;
