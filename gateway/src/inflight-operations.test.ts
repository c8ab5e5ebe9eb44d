import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Principal } from '@switchyard/shared';
import { userPrincipal } from '@switchyard/testing';
import type { GatewayContext } from './context.ts';
import { inflightOperationsPlugin } from './inflight-operations.ts';

describe('identical operations in flight', () => {
  let executions = 0;
  let failNext = false;
  const server = new ApolloServer<GatewayContext>({
    typeDefs: `type Query { slow(n: Int): Int, who: String } type Mutation { bump: Int }`,
    resolvers: {
      Query: {
        // Slow, so concurrent requests overlap; counts each real execution.
        slow: async (_: unknown, { n }: { n: number }) => {
          executions += 1;
          await new Promise((resolve) => setTimeout(resolve, 50));
          if (failNext) throw new GraphQLError('upstream down', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
          return n;
        },
        who: async (_: unknown, __: unknown, { principal }: GatewayContext) => {
          executions += 1;
          await new Promise((resolve) => setTimeout(resolve, 50));
          return principal?.userId ?? null;
        },
      },
      Mutation: { bump: () => (executions += 1) },
    },
    plugins: [inflightOperationsPlugin()],
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    executions = 0;
    failNext = false;
  });

  const run = (query: string, principal: Principal | null = null, variables?: Record<string, unknown>) =>
    server
      .executeOperation(
        { query, ...(variables ? { variables } : {}) },
        { contextValue: { principal, requestId: 'r', clientIp: null, userAgent: null } },
      )
      .then((response) => (response.body.kind === 'single' ? response.body.singleResult : null));
  const ten = <T>(make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: 10 }, (_, i) => make(i)));

  it('runs ten identical queries of one caller once, and answers each with the result', async () => {
    const results = await ten(() => run('{ slow(n: 1) }'));
    expect(executions).toBe(1);
    expect(results.every((result) => result?.data?.slow === 1)).toBe(true);
    // Once it has answered, the next one runs again.
    await run('{ slow(n: 1) }');
    expect(executions).toBe(2);
  });

  it('keeps other callers, other variables and mutations apart', async () => {
    const alice = userPrincipal('VIEWER');
    const bob = userPrincipal('VIEWER');
    const answers = await Promise.all([run('{ who }', alice), run('{ who }', bob), run('{ who }', alice)]);
    expect(answers.map((answer) => answer?.data?.who)).toEqual([alice.userId, bob.userId, alice.userId]);
    expect(executions).toBe(2);

    executions = 0;
    await ten((i) => run('query ($n: Int) { slow(n: $n) }', null, { n: i % 2 }));
    expect(executions).toBe(2);

    executions = 0;
    await ten(() => run('mutation { bump }'));
    expect(executions).toBe(10);
  });

  it('lets each caller run on its own when the shared result has errors', async () => {
    failNext = true;
    const results = await ten(() => run('{ slow(n: 2) }'));
    expect(results.every((result) => result?.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE')).toBe(true);
    // The leader, then the nine followers, each on its own.
    expect(executions).toBe(10);
  });
});
