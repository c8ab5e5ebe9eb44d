import { defaultSubgraphUrl, env, subgraphConfig, subgraphEnvShape, type SubgraphEnvValues } from '@switchyard/shared';
import { z } from 'zod';
import { parseCidr } from '@switchyard/shared/ipv4';

/** The variables the stores subgraph reads (`.env.example` is checked against these keys). */
export const storesEnv = z.object({
  ...subgraphEnvShape('stores'),
  SUBNET_POOL: z
    .string()
    .default('10.0.0.0/8')
    .transform(
      (text, context) =>
        parseCidr(text) ??
        (context.addIssue({ code: 'custom', message: 'must be an IPv4 network such as 10.0.0.0/8' }), z.NEVER),
    ),
  // Embedded starts get demo stores to look at (default); with DATABASE_URL a deployment opts in.
  // The hardware subgraph, asked whether a store has allocated assets.
  HARDWARE_URL: env.url().default(defaultSubgraphUrl('hardware')),
  SEED_DEMO_DATA: z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).optional(),
});

/** The stores subgraph's environment, parsed once by index.ts into a frozen camelCase object. */
export const storesEnvSchema = storesEnv.transform((e) => ({
  ...subgraphConfig('stores', e as SubgraphEnvValues),
  subnetPool: e.SUBNET_POOL,
  hardwareUrl: e.HARDWARE_URL,
  seedDemoData:
    e.SEED_DEMO_DATA === undefined
      ? !e.DATABASE_URL && !e.STORES_DATABASE_URL
      : env.boolean(false).parse(e.SEED_DEMO_DATA),
}));

export type StoresConfig = z.output<typeof storesEnvSchema>;
