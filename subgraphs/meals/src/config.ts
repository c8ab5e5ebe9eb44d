import { defaultSubgraphUrl, env, subgraphConfig, subgraphEnvShape, type SubgraphEnvValues } from '@switchyard/shared';
import { z } from 'zod';
import type { FetchPageOptions } from './import/fetch-page.ts';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/** The variables meals reads (`.env.example` is checked against these keys). */
export const mealsEnv = z.object({
  ...subgraphEnvShape('meals'),
  IDENTITY_URL: env.url().default(defaultSubgraphUrl('identity')),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).default('Switchyard Meals <meals@switchyard.local>'),
  WEEKLY_EMAIL_DAY: z.enum(WEEKDAYS).default('SUNDAY'),
  WEEKLY_EMAIL_HOUR: z.coerce.number().int().min(0).max(23).default(17),
  RECIPE_IMPORT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  RECIPE_IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(5_000_000),
  RECIPE_IMPORT_ALLOW_PRIVATE: env.boolean(false),
  /** Private targets imports may fetch anyway: host names, addresses, CIDRs (comma-separated). Default: none. */
  RECIPE_IMPORT_ALLOWED_PRIVATE_TARGETS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .optional(),
  MEALS_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  MEALS_BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  // No default: unset means "only in embedded mode", decided below.
  SEED_DEMO_DATA: z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).optional(),
});

/** Meals' environment, parsed once by index.ts into a frozen camelCase object. */
export const mealsEnvSchema = mealsEnv.transform((e) => {
  const shared = subgraphConfig('meals', e as SubgraphEnvValues);
  return {
    ...shared,
    identityUrl: e.IDENTITY_URL as string,
    mail: { smtpUrl: (e.SMTP_URL as string | undefined) ?? null, from: e.MAIL_FROM as string },
    weeklyEmail: {
      weekday: WEEKDAYS.indexOf(e.WEEKLY_EMAIL_DAY as (typeof WEEKDAYS)[number]) + 1,
      hour: e.WEEKLY_EMAIL_HOUR as number,
    },
    recipeImport: {
      timeoutMs: e.RECIPE_IMPORT_TIMEOUT_MS as number,
      maxBytes: e.RECIPE_IMPORT_MAX_BYTES as number,
      allowPrivate: e.RECIPE_IMPORT_ALLOW_PRIVATE as boolean,
      allowedPrivateTargets: (e.RECIPE_IMPORT_ALLOWED_PRIVATE_TARGETS as string[] | undefined) ?? [],
    } as FetchPageOptions,
    // For each site recipes are imported from, and for the SMTP server.
    breakers: { failures: e.MEALS_BREAKER_FAILURES as number, halfOpenAfterMs: e.MEALS_BREAKER_HALF_OPEN_MS as number },
    // Demo recipes suit the embedded start (`npm start` on a laptop), not a real deployment.
    seedDemoData: e.SEED_DEMO_DATA
      ? e.SEED_DEMO_DATA === 'true' || e.SEED_DEMO_DATA === '1'
      : !(shared.database.baseUrl || shared.database.url),
  };
});

export type MealsConfig = z.output<typeof mealsEnvSchema>;
