import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import {
  createInternalClient,
  createLogger,
  mountAuthenticateRoute,
  type Credential,
  type Principal,
} from '@switchyard/shared';
import { createAuthenticator, type CredentialRequest } from './authenticate.ts';
import { createAuthenticationCache } from './authentication-cache.ts';

const logger = createLogger('test', 'silent');
const owner: Principal = {
  kind: 'apiKey',
  userId: '2f1c7a38-5d0e-4a61-9d43-0b1f3c9e6a11',
  role: 'OPERATOR',
  scopes: ['stores:read'],
  sessionId: null,
  apiKeyId: 'key-1',
};
const request = (apiKey: string): CredentialRequest => ({ apiKey, requestId: 'r', clientIp: null, log: logger });

/** A loopback identity whose answers, delay and readiness the test sets; what the gateway calls over HTTP. */
async function fakeIdentity() {
  const state = { delayMs: 0, ready: true, live: new Set(['sy_good']), calls: 0 };
  const app = express();
  app.use(express.json());
  app.get('/ready', (_req, res) => void res.status(state.ready ? 200 : 503).json({}));
  mountAuthenticateRoute(app, async (credential: Credential) => {
    state.calls += 1;
    await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    return 'apiKey' in credential && state.live.has(credential.apiKey) ? owner : null;
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    state,
    url,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('authenticating through identity with a budget, a cache and a breaker', () => {
  let identity: Awaited<ReturnType<typeof fakeIdentity>>;
  const client = createInternalClient({ internalSigningSecret: 'x'.repeat(32), timeoutMs: 1_000 });
  beforeEach(async () => (identity = await fakeIdentity()));
  afterEach(() => identity.close());
  afterAll(() => client.close());

  const authenticatorWith = (cacheMaxAgeMs = 60_000) => {
    const cache = createAuthenticationCache({ maxEntries: 100, maxAgeMs: cacheMaxAgeMs });
    const { authenticate, snapshots } = createAuthenticator({
      jwtSecret: 'j'.repeat(32),
      identityUrl: identity.url,
      client,
      cache,
      // Wide enough that a loaded CI machine's local round trip stays within it.
      cacheAfterMs: 150,
      breaker: { failures: 2, halfOpenAfterMs: 60_000 },
      isIdentityReady: async () => identity.state.ready,
    });
    return { authenticate, cache, breaker: () => snapshots()[0]!.state };
  };
  const timed = async <T>(work: Promise<T>) => {
    const started = performance.now();
    const outcome = await work.then(
      (value) => ({ value }),
      (error: { extensions?: { code?: string } }) => ({ code: error.extensions?.code }),
    );
    return { ...outcome, ms: performance.now() - started };
  };

  it('refuses an API key sent as a bearer token, saying to use x-api-key', async () => {
    const { authenticate } = authenticatorWith();
    const refused = authenticate({
      authorization: 'Bearer sk_abc-DEF_123',
      requestId: 'r',
      clientIp: null,
      log: logger,
    });
    await expect(refused).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringContaining('x-api-key'),
    });
    expect(identity.state.calls).toBe(0);
  });

  it("uses identity's answer when it comes in time, a no included", async () => {
    const { authenticate } = authenticatorWith();
    expect(await authenticate(request('sy_good'))).toEqual(owner);
    identity.state.live.delete('sy_good');
    expect(await timed(authenticate(request('sy_good')))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers from the cache when identity is slow, and refuses as soon as identity says no', async () => {
    const { authenticate } = authenticatorWith();
    expect(await authenticate(request('sy_good'))).toEqual(owner);
    identity.state.delayMs = 500;
    const slow = await timed(authenticate(request('sy_good')));
    expect(slow).toMatchObject({ value: owner });
    expect(slow.ms).toBeLessThan(400);
    // The call that went on in the background brings identity's "no" into the cache.
    identity.state.live.delete('sy_good');
    await new Promise((resolve) => setTimeout(resolve, 600));
    await authenticate(request('sy_good')).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await timed(authenticate(request('sy_good')))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('is SERVICE_UNAVAILABLE, not UNAUTHENTICATED, for a credential it has no answer for while identity is away', async () => {
    const { authenticate } = authenticatorWith();
    identity.state.delayMs = 2_000;
    const outcome = await timed(authenticate(request('sy_good')));
    expect(outcome).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(outcome.ms).toBeGreaterThan(900);
  });

  it('opens its breaker on failures, answers at once while open, and closes when identity is ready again', async () => {
    const { authenticate, cache, breaker } = authenticatorWith();
    expect(await authenticate(request('sy_good'))).toEqual(owner);
    identity.state.delayMs = 2_000;
    identity.state.ready = false;
    await timed(authenticate(request('sy_other')));
    await timed(authenticate(request('sy_other')));
    expect(breaker()).toBe('OPEN');
    const callsWhileOpen = identity.state.calls;
    const cached = await timed(authenticate(request('sy_good')));
    expect(cached).toMatchObject({ value: owner });
    expect(cached.ms).toBeLessThan(100);
    const unknown = await timed(authenticate(request('sy_unknown')));
    expect(unknown).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(unknown.ms).toBeLessThan(100);
    expect(identity.state.calls).toBe(callsWhileOpen);
    // A revocation event reaches the cache while identity is away.
    cache.revoke({ apiKeyId: 'key-1' });
    expect(await timed(authenticate(request('sy_good')))).toMatchObject({ code: 'UNAUTHENTICATED' });
    identity.state.delayMs = 0;
    identity.state.ready = true;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(breaker()).toBe('CLOSED');
  });
});
