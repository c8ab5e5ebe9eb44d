import { GraphQLError } from 'graphql';
import { UnauthenticatedError, createErrorFormatter, createLogger } from '@switchyard/shared';
import { formatResult } from './results.ts';

const formatError = createErrorFormatter(createLogger('test', 'silent'), false);

describe('formatting a streamed result', () => {
  it('formats every shape an error can arrive in, without throwing', () => {
    const result = formatResult(
      {
        data: null,
        errors: [
          new UnauthenticatedError('Session revoked or expired'),
          // What a subgraph sends over its websocket: plain JSON (the shape that crashed the SSE transport).
          { message: 'Not allowed', extensions: { code: 'FORBIDDEN' } },
          new TypeError('boom') as never,
          'a string' as never,
          new GraphQLError('Cannot query field "nope"', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
        ] as never,
      },
      formatError,
    );
    expect(result.errors!.map((error) => [error.message, error.extensions?.code])).toEqual([
      ['Session revoked or expired', 'UNAUTHENTICATED'],
      ['Not allowed', 'FORBIDDEN'],
      ['Internal server error', 'INTERNAL_SERVER_ERROR'],
      ['Internal server error', 'INTERNAL_SERVER_ERROR'],
      ['Cannot query field "nope"', 'GRAPHQL_VALIDATION_FAILED'],
    ]);
  });

  it('leaves a result without errors as it is', () => {
    const result = { data: { ok: true } };
    expect(formatResult(result, formatError)).toBe(result);
  });
});
