import path from 'node:path';
import {
  env,
  parseEncryptionKey,
  publicUrlEnvShape,
  publicUrlOf,
  subgraphConfig,
  subgraphEnvShape,
  type SubgraphEnvValues,
} from '@switchyard/shared';
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
  // Admins must enrol two-factor sign-in before anything else (see services/two-factor.ts).
  REQUIRE_2FA_FOR_ADMINS: env.boolean(false),
  // Seals TOTP secrets at rest; unset, a key is derived from JWT_SECRET (rotating that one then voids every enrolment).
  IDENTITY_ENCRYPTION_KEY: z
    .string()
    .refine((value) => parseEncryptionKey(value, 'identity') !== null, {
      message: 'must be 32 bytes as hex or base64, or a secret of at least 32 characters',
    })
    .optional(),
  // Reset, invitation and email-confirmation mails: their links point at the web app's public origin.
  ...publicUrlEnvShape,
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).default('Switchyard <identity@switchyard.local>'),
  PASSWORD_RESET_TTL_SECONDS: env.seconds(30 * 60),
  PASSWORD_RESETS_PER_ACCOUNT: z.coerce.number().int().min(1).default(3),
  PASSWORD_RESETS_PER_CLIENT: z.coerce.number().int().min(1).default(20),
  INVITATION_TTL_SECONDS: env.seconds(7 * 24 * 3600),
  EMAIL_CHANGE_TTL_SECONDS: env.seconds(24 * 3600),
});

/** Identity's environment, parsed once by index.ts into a frozen camelCase object. */
export const identityEnvSchema = identityEnv
  .refine((e) => !e.ADMIN_EMAIL === !e.ADMIN_PASSWORD, {
    path: ['ADMIN_PASSWORD'],
    message: 'set ADMIN_EMAIL and ADMIN_PASSWORD together',
  })
  .transform((e) => {
    const shared = subgraphConfig('identity', e as SubgraphEnvValues);
    return {
      ...shared,
      tokens: {
        jwtSecret: e.JWT_SECRET,
        accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
        refreshTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
      },
      bootstrapAdmin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : null,
      loginThrottle: { maxFailures: e.LOGIN_MAX_FAILURES, lockSeconds: e.LOGIN_LOCK_SECONDS },
      passwordHashing: { memoryKib: e.PASSWORD_HASH_MEMORY_KIB },
      twoFactor: {
        requiredForAdmins: e.REQUIRE_2FA_FOR_ADMINS,
        // Key material, not a Buffer (a frozen config cannot hold one); see domain/two-factor.ts.
        encryptionKey: e.IDENTITY_ENCRYPTION_KEY ?? null,
      },
      publicUrl: publicUrlOf(e, shared.http.host),
      // Without SMTP_URL each mail is an .eml file here, as meals and observability do.
      mail: {
        smtpUrl: e.SMTP_URL ?? null,
        from: e.MAIL_FROM,
        outboxDir: path.resolve(shared.database.dataDir, 'identity', 'mail'),
      },
      recovery: {
        passwordResetTtlSeconds: e.PASSWORD_RESET_TTL_SECONDS,
        resetsPerAccount: e.PASSWORD_RESETS_PER_ACCOUNT,
        resetsPerClient: e.PASSWORD_RESETS_PER_CLIENT,
        invitationTtlSeconds: e.INVITATION_TTL_SECONDS,
        emailChangeTtlSeconds: e.EMAIL_CHANGE_TTL_SECONDS,
      },
    };
  });

export type IdentityConfig = z.output<typeof identityEnvSchema>;
