import { env, subgraphConfig, subgraphEnvShape, type SubgraphEnvValues } from '@switchyard/shared';
import { z } from 'zod';
import { DEFAULT_PASSWORD_MEMORY_KIB } from './domain/passwords.ts';

/** The variables identity reads (`.env.example` is checked against these keys). */
export const identityEnv = z.object({
  ...subgraphEnvShape('identity'),
  JWT_SECRET: env.secret(),
  ACCESS_TOKEN_TTL_SECONDS: env.seconds(900),
  REFRESH_TOKEN_TTL_SECONDS: env.seconds(30 * 24 * 3600),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_SECONDS: env.seconds(900),
  // Lowered only by benchmarks that create thousands of users; production keeps the default.
  PASSWORD_HASH_MEMORY_KIB: z.coerce.number().int().min(1_024).default(DEFAULT_PASSWORD_MEMORY_KIB),
});

/** Identity's environment, parsed once by index.ts into a frozen camelCase object. */
export const identityEnvSchema = identityEnv
  .refine((e) => !e.ADMIN_EMAIL === !e.ADMIN_PASSWORD, {
    path: ['ADMIN_PASSWORD'],
    message: 'set ADMIN_EMAIL and ADMIN_PASSWORD together',
  })
  .transform((e) => ({
    ...subgraphConfig('identity', e as SubgraphEnvValues),
    tokens: {
      jwtSecret: e.JWT_SECRET,
      accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
    },
    bootstrapAdmin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : null,
    loginThrottle: { maxFailures: e.LOGIN_MAX_FAILURES, lockSeconds: e.LOGIN_LOCK_SECONDS },
    passwordHashing: { memoryKib: e.PASSWORD_HASH_MEMORY_KIB },
  }));

export type IdentityConfig = z.output<typeof identityEnvSchema>;
