import { Client, fetchExchange, gql } from '@urql/core';
import { getIntrospectionQuery } from 'graphql';
import { serverAudits } from 'graphql-http';
import { signAccessToken } from '@switchyard/shared';
import { bearer, graphql, openEventStream } from '@switchyard/testing';
import { login } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const ALLOWED_ORIGIN = 'https://app.example.test';

/** The gateway as the ecosystem's own tools and stock clients see it. */
describe.each(ONE_BACKEND)('GraphQL over HTTP conformance of the gateway (%s)', (backend) => {
  let system: System;
  let token: string;

  beforeAll(async () => {
    system = await startSystem(backend, { subgraphs: ['identity'], env: { CORS_ORIGINS: ALLOWED_ORIGIN } });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  });
  afterAll(() => system?.destroy());

  it('passes every required audit of graphql-http (GraphQL over HTTP)', async () => {
    const results = await Promise.all(serverAudits({ url: system.gatewayUrl }).map((audit) => audit.fn()));
    const errors = results.filter((result) => result.status === 'error');
    expect(
      errors.map((result) => `${result.id} ${result.name}: ${result.status === 'ok' ? '' : result.reason}`),
    ).toEqual([]);
  });

  it('works with urql and its defaults (GET queries, POST mutations)', async () => {
    const methods: string[] = [];
    const client = new Client({
      url: system.gatewayUrl,
      exchanges: [fetchExchange],
      fetchOptions: { headers: bearer(token) },
      fetch: (url, init) => {
        methods.push(init?.method ?? 'GET');
        return fetch(url, init);
      },
    });
    const me = await client
      .query(
        gql`
          query Me {
            me {
              email
            }
          }
        `,
        {},
      )
      .toPromise();
    expect(me.error).toBeUndefined();
    expect(me.data.me.email).toBe(system.admin.email);
    const loggedIn = await client
      .mutation(
        gql`
          mutation ($email: String!, $password: String!) {
            login(email: $email, password: $password) {
              accessToken
            }
          }
        `,
        {
          email: system.admin.email,
          password: system.admin.password,
        },
      )
      .toPromise();
    expect(loggedIn.error).toBeUndefined();
    expect(loggedIn.data.login.accessToken).toEqual(expect.any(String));
    expect(methods).toEqual(['GET', 'POST']);
  });

  it('answers a subscription over plain HTTP with a 400 that points at websockets and SSE', async () => {
    const response = await graphql(system.gatewayUrl, 'subscription { sessionRevoked { reason } }', {}, bearer(token));
    expect(response.status).toBe(400);
    expect(response.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
    expect(response.errors![0]!.message).toMatch(/websocket/i);
    expect(response.errors![0]!.message).toContain('/graphql/stream');
  });

  it('answers an APQ hash mismatch with PERSISTED_QUERY_HASH_MISMATCH and 400', async () => {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
      }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
  });

  it('answers the introspection query of current tools (isOneOf included)', async () => {
    const response = await graphql(system.gatewayUrl, getIntrospectionQuery({ oneOf: true }), {}, bearer(token));
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    const types = response.data.__schema.types as { name: string; isOneOf: boolean | null }[];
    expect(types.find((type) => type.name === 'Query')).toMatchObject({ isOneOf: null });
    const oneOf = await graphql(system.gatewayUrl, '{ __type(name: "Query") { name isOneOf } }', {}, bearer(token));
    expect(oneOf.data).toEqual({ __type: { name: 'Query', isOneOf: null } });
  });

  it('sends WWW-Authenticate with every 401, saying when the token expired', async () => {
    const invalid = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer('not-a-token') },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(invalid.status).toBe(401);
    expect(invalid.headers.get('www-authenticate')).toBe('Bearer realm="switchyard"');
    expect(JSON.stringify(await invalid.json())).not.toContain('"http"');

    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
      sub: string;
      sid: string;
    };
    const expired = await signAccessToken(
      system.secrets.jwtSecret,
      { userId: claims.sub, sessionId: claims.sid },
      60,
      new Date(Date.now() - 120_000),
    );
    const late = await graphql(system.gatewayUrl, '{ me { email } }', {}, bearer(expired.token));
    expect(late.status).toBe(401);
    expect(late.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });

    const stream = await openEventStream(system.gatewayUrl, { query: '{ __typename }' }, bearer(expired.token));
    expect(stream.status).toBe(401);
    expect(stream.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('serves event streams to what EventSource and SSE clients send as Accept, and refuses JSON-only clients with 406', async () => {
    for (const accept of ['text/event-stream', 'text/event-stream, */*', 'application/json, text/event-stream;q=0.9']) {
      const stream = await openEventStream(
        system.gatewayUrl,
        { query: '{ __typename }' },
        { ...bearer(token), accept },
      );
      expect(stream.status).toBe(200);
      const [result] = await stream.next(1);
      expect(result).toEqual({ data: { __typename: 'Query' } });
      stream.close();
    }
    const json = await openEventStream(
      system.gatewayUrl,
      { query: '{ __typename }' },
      { ...bearer(token), accept: 'application/json' },
    );
    expect(json.status).toBe(406);
  });

  it('allows only the configured origins (CORS_ORIGINS)', async () => {
    const preflight = (origin: string) =>
      fetch(system.gatewayUrl, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

    const other = await preflight('https://evil.example.test');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example.test' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});
