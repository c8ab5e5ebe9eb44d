import {
  CONTEXT_HEADER,
  createMemoryNonceStore,
  encodeContext,
  signRequest,
  verifyRequest,
} from './internal-signature.ts';

const secret = 'a'.repeat(40);
const context = encodeContext({ principal: null, requestId: 'r1', clientIp: null, userAgent: null });
const body = '{"query":"{ me { id } }"}';

describe('internal signature', () => {
  it('accepts a fresh signature once and refuses its replay', async () => {
    const nonces = createMemoryNonceStore();
    const signature = signRequest(secret, context, body);
    const first = await verifyRequest(secret, nonces, { context, signature }, body);
    expect(first).toEqual({ ok: true, context: { principal: null, requestId: 'r1', clientIp: null, userAgent: null } });
    expect(await verifyRequest(secret, nonces, { context, signature }, body)).toEqual({
      ok: false,
      reason: 'replayed gateway signature',
    });
  });

  it('refuses a forged context, a changed body, another secret, an old timestamp and a missing header', async () => {
    const nonces = createMemoryNonceStore();
    const signature = signRequest(secret, context, body);
    const forged = encodeContext({
      principal: { kind: 'user', userId: 'x', role: 'ADMIN', scopes: null, sessionId: null, apiKeyId: null },
      requestId: 'r1',
      clientIp: null,
      userAgent: null,
    });
    expect(await verifyRequest(secret, nonces, { context: forged, signature }, body)).toMatchObject({
      ok: false,
      reason: 'invalid gateway signature',
    });
    expect(await verifyRequest(secret, nonces, { context, signature }, `${body} `)).toMatchObject({
      ok: false,
      reason: 'invalid gateway signature',
    });
    expect(await verifyRequest('b'.repeat(40), nonces, { context, signature }, body)).toMatchObject({
      ok: false,
      reason: 'invalid gateway signature',
    });
    const old = signRequest(secret, context, body, Date.now() - 60_000);
    expect(await verifyRequest(secret, nonces, { context, signature: old }, body)).toMatchObject({
      ok: false,
      reason: 'expired gateway signature',
    });
    expect(await verifyRequest(secret, nonces, { context, signature: undefined }, body)).toMatchObject({
      ok: false,
      reason: 'missing gateway signature',
    });
    expect(CONTEXT_HEADER).toBe('x-switchyard-context');
  });

  it('accepts a signature a few seconds ahead (clock skew) and refuses one further in the future', async () => {
    const nonces = createMemoryNonceStore();
    const now = Date.now();
    const slightlyAhead = signRequest(secret, context, body, now + 3_000);
    expect(await verifyRequest(secret, nonces, { context, signature: slightlyAhead }, body, now)).toMatchObject({
      ok: true,
    });
    const future = signRequest(secret, context, body, now + 25_000);
    expect(await verifyRequest(secret, nonces, { context, signature: future }, body, now)).toEqual({
      ok: false,
      reason: 'gateway signature from the future',
    });
  });
});
