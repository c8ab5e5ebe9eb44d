import { gatewayEnvSchema, withSupergraph } from './config.ts';

const secrets = { INTERNAL_SIGNING_SECRET: 'x'.repeat(32), JWT_SECRET: 'y'.repeat(32) };
const own = { identity: 'http://127.0.0.1:4001/graphql', stores: 'http://127.0.0.1:4002/graphql' };
const foreign = { accounts: 'http://127.0.0.1:4101/graphql' };

describe('gateway configuration for a supergraph', () => {
  it("limits cost and anonymous callers on the product's own supergraph, and on another team's only when asked", () => {
    const defaults = gatewayEnvSchema.parse(secrets);
    expect(withSupergraph(defaults, own)).toMatchObject({
      operationLimits: { cost: 10_000 },
      rateLimits: { anonymous: 10_000 },
      subgraphUrls: own,
    });
    expect(withSupergraph(defaults, foreign)).toMatchObject({
      operationLimits: { cost: null },
      rateLimits: { anonymous: null },
    });
    const set = gatewayEnvSchema.parse({ ...secrets, OPERATION_MAX_COST: '500', RATE_LIMIT_ANONYMOUS: '600' });
    expect(withSupergraph(set, foreign)).toMatchObject({
      operationLimits: { cost: 500 },
      rateLimits: { anonymous: 600 },
    });
  });

  it('shares identical subgraph fetches unless SUBGRAPH_DEDUP=false', () => {
    expect(gatewayEnvSchema.parse(secrets).subgraphDedup).toBe(true);
    expect(gatewayEnvSchema.parse({ ...secrets, SUBGRAPH_DEDUP: 'false' }).subgraphDedup).toBe(false);
  });
});
