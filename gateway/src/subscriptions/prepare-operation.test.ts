import { createHash } from 'node:crypto';
import { buildSchema } from 'graphql';
import { Registry } from 'prom-client';
import { createLogger, createMemoryBuckets, type Principal } from '@switchyard/shared';
import { createOperationLimits, type OperationLimits } from '../operation-limits.ts';
import { createRateLimits } from '../rate-limits.ts';
import { createTrustedDocuments, type TrustedDocumentsMode } from '../trusted-documents.ts';
import { createOperationPreparer, type OperationRequest } from './prepare-operation.ts';

const sdl = `
  type Query { hello(name: String!): String }
  type Subscription { ticks(every: Int!): Int }
`;
const schema = buildSchema(sdl);
const LIMITS: OperationLimits = {
  maxSize: 1_000,
  maxTokens: 100,
  depth: 5,
  aliases: 2,
  rootFields: 5,
  directives: 5,
  cost: 100,
  defaultListSize: 10,
};
const limits = createOperationLimits({ limits: LIMITS, schema, supergraphSdl: sdl });
const SIGNED_IN = { kind: 'user', userId: 'u1', role: 'VIEWER' } as Principal;
const contextOf = (principal: Principal | null) => ({
  principal,
  requestId: 'r',
  clientIp: '192.0.2.1',
  userAgent: null,
});
const rateLimitsOf = (perMinute: number) =>
  createRateLimits({
    limits: { anonymous: perMinute, roles: { VIEWER: perMinute, OPERATOR: perMinute, ADMIN: perMinute }, apiKeys: {} },
    buckets: createMemoryBuckets(),
    registry: new Registry(),
    logger: createLogger('test', 'silent'),
  });
const TICKS = 'subscription Ticks($every: Int!) {\n  ticks(every: $every)\n}';
const TICKS_HASH = createHash('sha256').update(TICKS).digest('hex');
const trustedWith = (mode: TrustedDocumentsMode) =>
  createTrustedDocuments({ mode, registered: new Map([[TICKS_HASH, { operationName: 'Ticks', document: TICKS }]]) });
const preparerWith = (
  disclosure: 'signed-in' | 'off',
  rateLimits = rateLimitsOf(1_000_000),
  trusted = trustedWith('off'),
) => createOperationPreparer({ schema, limits, disclosure, rateLimits, trusted });

const codesOf = async (
  prepare: ReturnType<typeof createOperationPreparer>,
  request: OperationRequest,
  principal: Principal | null = SIGNED_IN,
) => (await prepare(request, contextOf(principal))).errors?.map((error) => error.extensions.code) ?? 'ok';

describe('preparing a streamed operation', () => {
  const prepare = preparerWith('signed-in');

  it('gives each kind of bad operation the code Apollo gives it over HTTP', async () => {
    expect(await codesOf(prepare, { query: 'subscription { ticks(every: 1) ' })).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(await codesOf(prepare, { query: 'subscription { tocks }' })).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(await codesOf(prepare, { query: 'subscription ($n: Int!) { ticks(every: $n) }', variables: {} })).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await codesOf(prepare, { query: 'query A { hello(name: "a") } query B { hello(name: "b") }' })).toEqual([
      'OPERATION_RESOLUTION_FAILURE',
    ]);
    expect(await codesOf(prepare, { query: '' })).toEqual(['BAD_REQUEST']);
    expect(await codesOf(prepare, { query: '{ hello(name: "a") }', variables: [] })).toEqual(['BAD_REQUEST']);
  });

  it('prepares a good operation with its type and the variables as sent', async () => {
    const prepared = await prepare(
      { query: 'subscription ($n: Int!) { ticks(every: $n) }', variables: { n: 5 } },
      contextOf(SIGNED_IN),
    );
    expect(prepared.errors).toBeUndefined();
    expect(prepared.operation).toMatchObject({ operationType: 'subscription', variables: { n: 5 } });
  });

  it('refuses operations beyond the limits, naming the limit and the measured value', async () => {
    const aliases = await prepare(
      { query: '{ a: hello(name: "a") b: hello(name: "b") c: hello(name: "c") }' },
      contextOf(SIGNED_IN),
    );
    expect(aliases.errors?.[0]?.extensions).toEqual({
      code: 'OPERATION_TOO_COMPLEX',
      rule: 'aliases',
      limit: 2,
      measured: 3,
    });
    const tokens = await prepare({ query: `{ ${'a '.repeat(200)} }` }, contextOf(SIGNED_IN));
    expect(tokens.errors?.[0]?.extensions).toMatchObject({ rule: 'tokens', limit: 100, measured: 101 });
  });

  it('keeps introspection and suggestions from anonymous callers, and shows them to signed-in ones', async () => {
    expect(new Set(await codesOf(prepare, { query: '{ __schema { types { name } } }' }, null))).toEqual(
      new Set(['GRAPHQL_VALIDATION_FAILED']),
    );
    expect(await codesOf(prepare, { query: '{ __schema { types { name } } }' })).toBe('ok');
    expect(await codesOf(prepare, { query: '{ __typename }' }, null)).toBe('ok');
    // Whether a named type exists, as conformance tools ask, but nothing of its fields.
    expect(await codesOf(prepare, { query: '{ __type(name: "Query") { name kind } }' }, null)).toBe('ok');
    expect(await codesOf(prepare, { query: '{ __type(name: "Query") { fields { name } } }' }, null)).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    const typo = { query: '{ helo(name: "a") }' };
    expect((await prepare(typo, contextOf(SIGNED_IN))).errors?.[0]?.message).toMatch(/Did you mean "hello"\?/);
    expect((await prepare(typo, contextOf(null))).errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('refuses introspection to everyone when it is off', async () => {
    const closed = preparerWith('off');
    expect(new Set(await codesOf(closed, { query: '{ __schema { types { name } } }' }))).toEqual(
      new Set(['GRAPHQL_VALIDATION_FAILED']),
    );
  });

  it("charges a subscription to its caller's rate limit when it starts, and leaves queries to Apollo", async () => {
    const limited = preparerWith('signed-in', rateLimitsOf(2));
    const subscribe = { query: 'subscription { ticks(every: 1) }' };
    expect(await codesOf(limited, subscribe)).toBe('ok');
    expect(await codesOf(limited, subscribe)).toBe('ok');
    const refused = await limited(subscribe, contextOf(SIGNED_IN));
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    expect(await codesOf(limited, { query: '{ hello(name: "a") }' })).toBe('ok');
    // Another caller has a bucket of their own.
    expect(await codesOf(limited, subscribe, null)).toBe('ok');
  });

  it('accepts only registered documents where the mode asks for them, by text or by hash with an empty query', async () => {
    const enforcing = preparerWith('signed-in', rateLimitsOf(1_000_000), trustedWith('enforce'));
    const byHash = { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: TICKS_HASH } } };
    expect(await codesOf(enforcing, { query: 'subscription { ticks(every: 1) }' })).toEqual(['UNREGISTERED_DOCUMENT']);
    const respelled = { query: 'subscription Ticks($every: Int!) { ticks(every: $every) }', variables: { every: 1 } };
    expect(await codesOf(enforcing, respelled)).toBe('ok');
    const prepared = await enforcing({ ...byHash, variables: { every: 1 } }, contextOf(SIGNED_IN));
    expect(prepared.operation?.operationType).toBe('subscription');
    expect(await codesOf(preparerWith('signed-in'), { query: 'subscription { ticks(every: 1) }' })).toBe('ok');
  });

  it('refuses an unknown hash and a hash that is not the text’s, on this transport as over HTTP', async () => {
    const prepare = preparerWith('signed-in');
    const unknown = { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } };
    expect(await codesOf(prepare, unknown)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const mismatch = {
      query: '{ hello(name: "a") }',
      extensions: { persistedQuery: { version: 1, sha256Hash: TICKS_HASH } },
    };
    expect(await codesOf(prepare, mismatch)).toEqual(['PERSISTED_QUERY_HASH_MISMATCH']);
  });
});
