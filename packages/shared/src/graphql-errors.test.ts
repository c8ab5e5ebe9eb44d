import { ApolloServer } from '@apollo/server';
import { createErrorFormatter, databaseUnavailablePlugin } from './graphql-errors.ts';
import { ServiceUnavailableError } from './errors.ts';
import { createLogger } from './logger.ts';

// What Prisma throws for a database it cannot reach (its error classes name themselves).
const unreachable = () =>
  Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), {
    name: 'PrismaClientKnownRequestError',
    code: 'P1001',
  });

async function answer(fail: () => Error) {
  const server = new ApolloServer({
    typeDefs: 'type Query { figure: Int }',
    resolvers: {
      Query: {
        figure: () => {
          throw fail();
        },
      },
    },
    formatError: createErrorFormatter(createLogger('test', 'silent'), false),
    plugins: [databaseUnavailablePlugin()],
  });
  await server.start();
  try {
    const response = await server.executeOperation({ query: '{ figure }' });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { http: response.http, errors: response.body.singleResult.errors };
  } finally {
    await server.stop();
  }
}

describe('a database that cannot be used', () => {
  it('is SERVICE_UNAVAILABLE with a retry time and HTTP 503, so the gateway counts it', async () => {
    const { http, errors } = await answer(unreachable);
    expect(errors).toEqual([
      expect.objectContaining({
        path: ['figure'],
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 },
      }),
    ]);
    expect(errors![0]!.message).not.toMatch(/127\.0\.0\.1/);
    expect(http.status).toBe(503);
    expect(http.headers.get('retry-after')).toBe('5');
  });

  it('leaves the status alone for another unavailable dependency (the subgraph itself answers)', async () => {
    const { http, errors } = await answer(() => new ServiceUnavailableError('The hub does not answer', 10));
    expect(errors![0]!.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 10 });
    expect(http.status).toBeUndefined();
  });

  it('is not what another service being unreachable is (fetch failing with ECONNREFUSED)', async () => {
    const refused = () =>
      new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) });
    const { http, errors } = await answer(refused);
    expect(errors![0]!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(http.status).toBeUndefined();
  });

  it('leaves unexpected errors internal', async () => {
    const { http, errors } = await answer(() => new Error('boom'));
    expect(errors![0]!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(http.status).toBeUndefined();
  });
});
