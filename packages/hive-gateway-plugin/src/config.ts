import { SUBGRAPHS, authenticationConfig, authenticationEnv, env, envPrefix } from '@switchyard/shared';
import { z } from 'zod';

// Where each subgraph is, when not at its supergraph URL (as for the gateway: `STORES_URL` and so on).
const subgraphUrls = Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${envPrefix(name)}_URL`, env.url().optional()]));

/** What the plugin reads: the gateway's own variables of the same names, with the same defaults. */
export const hivePluginEnv = z.object({
  LOG_LEVEL: env.logLevel(),
  INTERNAL_SIGNING_SECRET: env.secret(),
  JWT_SECRET: env.secret(),
  GATEWAY_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  GATEWAY_BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  ...authenticationEnv,
  ...subgraphUrls,
  IDENTITY_URL: env.url(),
});

export const hivePluginConfigSchema = hivePluginEnv.transform((e) => ({
  logLevel: e.LOG_LEVEL,
  internalSigningSecret: e.INTERNAL_SIGNING_SECRET,
  jwtSecret: e.JWT_SECRET,
  identityUrl: e.IDENTITY_URL,
  breakers: { failures: e.GATEWAY_BREAKER_FAILURES, halfOpenAfterMs: e.GATEWAY_BREAKER_HALF_OPEN_MS },
  authentication: authenticationConfig(e),
  /** Subgraph name → its HTTP URL, for those given in the environment. */
  subgraphUrls: Object.fromEntries(
    SUBGRAPHS.flatMap(({ name }) => {
      const url: unknown = e[`${envPrefix(name)}_URL` as keyof typeof e];
      return typeof url === 'string' ? [[name, url]] : [];
    }),
  ),
}));

export type HivePluginConfig = z.output<typeof hivePluginConfigSchema>;
