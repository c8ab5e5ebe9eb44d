import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ServiceUnavailableError } from '@switchyard/shared';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.ts';
import { withFieldErrorsWhenUnavailable } from './partial-results.ts';

const ENTITY_FETCH = `query($representations:[_Any!]!){_entities(representations:$representations){...on Store{devices{id} hubs{id} __typename}}}`;

const failingWith = (error: unknown): GraphQLDataSource<GatewayContext> => ({
  process: () => Promise.reject(error),
});

const fetchOf = (query: string, variables: Record<string, unknown> = {}) =>
  ({ request: { query, variables }, context: {} }) as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;

// What RemoteGraphQLDataSource throws for a non-2xx answer (errorFromResponse).
const httpError = (status: number, body: unknown) =>
  new GraphQLError(`${status}: status`, { extensions: { response: { status, body } } });

describe('a subgraph fetch that fails', () => {
  it('becomes one SERVICE_UNAVAILABLE error per field of each entity, at its path in the subgraph response', async () => {
    const source = withFieldErrorsWhenUnavailable(
      failingWith(new ServiceUnavailableError('The hardware subgraph keeps failing', 7)),
    );
    const representations = [
      { __typename: 'Store', id: 'a' },
      { __typename: 'Store', id: 'b' },
    ];
    const response = await source.process(fetchOf(ENTITY_FETCH, { representations }));
    expect(response.data).toBeUndefined();
    expect(response.errors?.map((e) => e.path)).toEqual([
      ['_entities', 0, 'devices'],
      ['_entities', 0, 'hubs'],
      ['_entities', 1, 'devices'],
      ['_entities', 1, 'hubs'],
    ]);
    for (const error of response.errors!) {
      expect(error).toMatchObject({
        message: 'The hardware subgraph keeps failing',
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 7 },
      });
    }
  });

  it('of a root fetch blames its root fields (by alias)', async () => {
    const source = withFieldErrorsWhenUnavailable(failingWith(new ServiceUnavailableError('down')));
    const response = await source.process(fetchOf('{ first: stores(first: 1) { totalCount } overview { scope } }'));
    expect(response.errors?.map((e) => e.path)).toEqual([['first'], ['overview']]);
  });

  it('keeps the words and retry time a subgraph answering 503 sent', async () => {
    const source = withFieldErrorsWhenUnavailable(
      failingWith(
        httpError(503, {
          errors: [
            {
              message: 'The database is unavailable right now; try again shortly',
              extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 },
            },
          ],
        }),
      ),
    );
    const response = await source.process(fetchOf('{ stores { totalCount } }'));
    expect(response.errors).toEqual([
      {
        message: 'The database is unavailable right now; try again shortly',
        path: ['stores'],
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 },
      },
    ]);
  });

  it('leaves a failure that is not unavailability (a 4xx: the gateway’s own mistake) as it was', async () => {
    const error = httpError(401, { errors: [{ message: 'bad signature' }] });
    const source = withFieldErrorsWhenUnavailable(failingWith(error));
    await expect(source.process(fetchOf('{ stores { totalCount } }'))).rejects.toBe(error);
  });
});
