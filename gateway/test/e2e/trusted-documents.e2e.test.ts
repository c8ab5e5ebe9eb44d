import { createHash, randomUUID } from 'node:crypto';
import { REGISTERED_OPERATIONS } from '@switchyard/shared';
import {
  bearer,
  codeOf,
  collect,
  freePort,
  graphql,
  openEventStream,
  subscriptionClient,
  type GraphQLResponse,
} from '@switchyard/testing';
import { createApiKey, login, signedInAs } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const registered = (name: string) => {
  const [hash, operation] = [...REGISTERED_OPERATIONS].find(([, { operationName }]) => operationName === name)!;
  return { hash, document: operation.document };
};
const PROFILE = registered('Profile');
const LOGIN = registered('Login');
// Not one of the web app's operations, though it asks for less than Profile.
const MADE_UP = '{ me { id } }';

/** A POST carrying `extensions` (APQ), with or without a query. */
async function post(
  url: string,
  body: { query?: string; variables?: Record<string, unknown>; extensions?: unknown },
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as object) };
}
const byHash = (sha256Hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash } } });

describe.each(ONE_BACKEND)('trusted documents and persisted queries (%s)', (backend) => {
  let system: System;
  let viewer: Awaited<ReturnType<typeof signedInAs>>;
  let apiKey: { 'x-api-key': string };
  // Replicas of the gateway on the same subgraphs (and Redis, when the system has one), one per mode.
  let enforcing: string;
  let lenient: string;
  const sharesRedis = backend === 'postgresql' && Boolean(process.env.TEST_REDIS_URL);

  const startGateway = async (mode: string) => {
    const port = String(await freePort());
    await system.startReplica('gateway', { PORT: port, TRUSTED_DOCUMENTS: mode });
    return `http://127.0.0.1:${port}/graphql`;
  };

  beforeAll(async () => {
    system = await startSystem(backend, { subgraphs: ['identity'] });
    const admin = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
    viewer = await signedInAs(system.gatewayUrl, admin, 'VIEWER');
    apiKey = { 'x-api-key': (await createApiKey(system.gatewayUrl, admin, ['identity:read'])).secret };
    enforcing = await startGateway('enforce');
    lenient = await startGateway('allow-unregistered-for-api-keys');
  });
  afterAll(() => system?.destroy());

  it('with enforce, refuses an unregistered document from a signed-in user and passes a registered one, by text or by hash', async () => {
    const refused = await graphql(enforcing, MADE_UP, {}, bearer(viewer.token));
    expect(refused.status).toBe(400);
    expect(codeOf(refused)).toBe('UNREGISTERED_DOCUMENT');
    expect(refused.data).toBeUndefined();

    const byText = await graphql(enforcing, PROFILE.document, {}, bearer(viewer.token));
    expect(byText.data?.me).toMatchObject({ email: viewer.email, role: 'VIEWER' });
    // Another spelling of the same document, as urql sends it (one line, __typename added).
    const respelled = await graphql(
      enforcing,
      'query Profile { me { id email displayName role createdAt lastLoginAt __typename } }',
      {},
      bearer(viewer.token),
    );
    expect(respelled.data?.me).toMatchObject({ email: viewer.email, __typename: 'User' });
    const hashOnly = await post(enforcing, byHash(PROFILE.hash), bearer(viewer.token));
    expect(hashOnly.data?.me).toMatchObject({ email: viewer.email });
    const get = await fetch(
      `${enforcing}?extensions=${encodeURIComponent(JSON.stringify(byHash(PROFILE.hash).extensions))}`,
      { headers: bearer(viewer.token) },
    );
    expect(((await get.json()) as GraphQLResponse).data?.me).toMatchObject({ email: viewer.email });
  });

  it('with enforce, holds API keys and anonymous callers to registered documents too (the web app signs in with one)', async () => {
    expect(codeOf(await graphql(enforcing, MADE_UP, {}, apiKey))).toBe('UNREGISTERED_DOCUMENT');
    const signIn = await graphql(enforcing, LOGIN.document, { email: viewer.email, password: viewer.password });
    expect(signIn.data?.login.accessToken).toEqual(expect.any(String));
    const adHoc = await graphql(
      enforcing,
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email: viewer.email, password: viewer.password },
    );
    expect(codeOf(adHoc)).toBe('UNREGISTERED_DOCUMENT');
  });

  it('with enforce, refuses unregistered documents over websockets and SSE alike, and runs registered ones', async () => {
    const socket = subscriptionClient(enforcing, bearer(viewer.token));
    try {
      await socket.connected;
      const refused = collect(socket, 'subscription { sessionRevoked { sessionId } }');
      await expect(refused.next(1)).rejects.toThrow(/UNREGISTERED_DOCUMENT/);
      // Sent by hash: graphql-ws requires a string query, so it is empty.
      const results: any[] = [];
      await new Promise<void>((resolve, reject) =>
        socket.subscribe({ query: '', ...byHash(PROFILE.hash) } as never, {
          next: (value) => void results.push(value),
          error: reject,
          complete: resolve,
        }),
      );
      expect(results[0]?.data?.me).toMatchObject({ email: viewer.email });
      // The socket and its other operations go on after a refusal.
      const live = collect(socket, registered('SessionRevoked').document);
      const madeUp = collect(socket, MADE_UP);
      await expect(madeUp.next(1)).rejects.toThrow(/UNREGISTERED_DOCUMENT/);
      expect(live.error).toBeNull();
      live.dispose();
    } finally {
      await socket.dispose();
    }

    const refusedStream = await openEventStream(enforcing, { query: MADE_UP }, bearer(viewer.token));
    const [refusal] = await refusedStream.next(1);
    expect(refusal.errors?.[0]?.extensions?.code).toBe('UNREGISTERED_DOCUMENT');
    refusedStream.close();
    const stream = await openEventStream(enforcing, { query: PROFILE.document }, bearer(viewer.token));
    const [answer] = await stream.next(1);
    expect(answer.data?.me).toMatchObject({ email: viewer.email });
    stream.close();
  });

  it('with allow-unregistered-for-api-keys, an API key may send any operation, a browser session or an anonymous caller may not', async () => {
    const asKey = await graphql(lenient, MADE_UP, {}, apiKey);
    expect(asKey.errors).toBeUndefined();
    expect(asKey.data?.me.id).toEqual(expect.any(String));
    expect(codeOf(await graphql(lenient, MADE_UP, {}, bearer(viewer.token)))).toBe('UNREGISTERED_DOCUMENT');
    expect(codeOf(await graphql(lenient, '{ __typename }'))).toBe('UNREGISTERED_DOCUMENT');
    expect((await graphql(lenient, PROFILE.document, {}, bearer(viewer.token))).data?.me).toMatchObject({
      email: viewer.email,
    });
  });

  it(`finds an automatic persisted query registered on one replica on another ${sharesRedis ? '(shared in Redis)' : '(not without Redis)'}`, async () => {
    const query = `query Apq_${randomUUID().replaceAll('-', '')} { me { id } }`;
    const hash = sha256(query);
    // The first replica has not seen it: the client is asked for the text, and registers it.
    expect(codeOf(await post(system.gatewayUrl, byHash(hash), apiKey))).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registering = await post(system.gatewayUrl, { query, ...byHash(hash) }, apiKey);
    expect(registering.data?.me.id).toEqual(expect.any(String));
    expect((await post(system.gatewayUrl, byHash(hash), apiKey)).data?.me.id).toEqual(expect.any(String));

    const elsewhere = await post(lenient, byHash(hash), apiKey);
    if (sharesRedis) expect(elsewhere.data?.me.id).toEqual(expect.any(String));
    else expect(codeOf(elsewhere)).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('does not let a browser session run an unregistered document through a persisted hash, and refuses a wrong hash with a 4xx code', async () => {
    const query = `query Apq_${randomUUID().replaceAll('-', '')} { me { id } }`;
    const hash = sha256(query);
    expect(codeOf(await post(lenient, { query, ...byHash(hash) }, bearer(viewer.token)))).toBe('UNREGISTERED_DOCUMENT');
    // Refused, so not registered: the hash alone is still unknown, even to an API key.
    expect(codeOf(await post(lenient, byHash(hash), apiKey))).toBe('PERSISTED_QUERY_NOT_FOUND');

    const mismatch = await post(system.gatewayUrl, { query: MADE_UP, ...byHash(PROFILE.hash) }, apiKey);
    expect(mismatch.status).toBe(400);
    expect(codeOf(mismatch)).toBe('PERSISTED_QUERY_HASH_MISMATCH');
  });
});
