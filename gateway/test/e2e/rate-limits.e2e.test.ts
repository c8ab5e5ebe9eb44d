import { randomBytes } from 'node:crypto';
import { SIGNED_CLIENT_ADDRESS_HEADER, signClientAddress } from '@switchyard/shared';
import { bearer, collect, gatewayMetric, openEventStream, subscriptionClient } from '@switchyard/testing';
import { createApiKey, login, signedInAs } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

// Tokens per minute of VIEWERs and OPERATORs (and their keys); `{ __typename }` costs 1.
const RATE = 40;
// Anonymous addresses: the test's own sign-ins (10 and more each) share 127.0.0.1's bucket.
const ANONYMOUS_RATE = 60;
const EDGE_SIGNING_SECRET = randomBytes(32).toString('hex');
const SESSION_REVOKED = 'subscription { sessionRevoked { sessionId reason current } }';

/** A burst of `{ __typename }` over HTTP, all in flight at once: statuses, codes and headers. */
async function burst(system: System, count: number, headers: Record<string, string>) {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const response = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: { extensions: Record<string, unknown> }[] };
      return { status: response.status, headers: response.headers, body };
    }),
  );
}

const refusedIn = (answers: Awaited<ReturnType<typeof burst>>) => answers.filter((answer) => answer.status === 429);

describe.each(ONE_BACKEND)('rate limits at the gateway (%s)', (backend) => {
  let system: System;
  let admin: string;
  let viewer: Awaited<ReturnType<typeof signedInAs>>;
  // Documentation addresses, fresh per run: Redis keeps buckets between runs.
  const address = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
  const from = (ip: string) => ({ [SIGNED_CLIENT_ADDRESS_HEADER]: signClientAddress(EDGE_SIGNING_SECRET, ip) });

  beforeAll(async () => {
    system = await startSystem(backend, {
      subgraphs: ['identity'],
      env: {
        RATE_LIMIT_ANONYMOUS: String(ANONYMOUS_RATE),
        RATE_LIMIT_VIEWER: String(RATE),
        RATE_LIMIT_OPERATOR: String(RATE),
        EDGE_SIGNING_SECRET,
      },
    });
    admin = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
    viewer = await signedInAs(system.gatewayUrl, admin, 'VIEWER');
  });
  afterAll(() => system?.destroy());

  it('refuses a burst with one API key beyond its rate, with Retry-After and RateLimit-* headers; another key is unaffected', async () => {
    const operator = await signedInAs(system.gatewayUrl, admin, 'OPERATOR');
    const [busy, quiet] = [
      await createApiKey(system.gatewayUrl, operator.token, ['identity:read']),
      await createApiKey(system.gatewayUrl, operator.token, ['identity:read']),
    ];
    const answers = await burst(system, 200, { 'x-api-key': busy.secret });
    const refused = refusedIn(answers);
    // The bucket holds RATE; the burst may see a token or two refill.
    expect(answers.length - refused.length).toBeGreaterThanOrEqual(RATE);
    expect(answers.length - refused.length).toBeLessThanOrEqual(RATE + 2);
    for (const answer of refused) {
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(answer.body.errors?.[0]?.extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(answer.headers.get('ratelimit-limit')).toBe(String(RATE));
      expect(answer.headers.get('ratelimit-remaining')).toBe('0');
    }
    const allowed = answers.find((answer) => answer.status === 200)!;
    expect(allowed.body.data).toEqual({ __typename: 'Query' });
    expect(allowed.headers.get('ratelimit-limit')).toBe(String(RATE));
    expect(Number(allowed.headers.get('ratelimit-reset'))).toBeGreaterThan(0);

    const [other] = await burst(system, 1, { 'x-api-key': quiet.secret });
    expect(other!.status).toBe(200);
    expect(other!.headers.get('ratelimit-remaining')).toBe(String(RATE - 1));
    expect(
      await gatewayMetric(
        system.gatewayUrl,
        system.secrets.internalSigningSecret,
        'gateway_rate_limited_total',
        'caller="api_key"',
      ),
    ).toBe(refused.length);
  });

  it('limits anonymous calls per client address', async () => {
    const [noisy, calm] = [address(), address()];
    const answers = await burst(system, 2 * ANONYMOUS_RATE, from(noisy));
    expect(refusedIn(answers).length).toBeGreaterThanOrEqual(ANONYMOUS_RATE - 2);
    expect(refusedIn(answers)[0]!.body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(refusedIn(await burst(system, 5, from(calm)))).toEqual([]);
    expect(
      await gatewayMetric(
        system.gatewayUrl,
        system.secrets.internalSigningSecret,
        'gateway_rate_limited_total',
        'caller="anonymous"',
      ),
    ).toBe(refusedIn(answers).length);
  });

  it('charges subscriptions when they start, refusing only that subscription on a websocket and on SSE', async () => {
    const client = subscriptionClient(system.gatewayUrl, bearer(viewer.token));
    await client.connected;
    const first = collect(client, SESSION_REVOKED);
    // The user's bucket, shared by every transport, emptied over HTTP.
    await burst(system, RATE + 5, bearer(viewer.token));

    const refused = collect(client, SESSION_REVOKED);
    await expect(refused.next(1)).rejects.toThrow('RATE_LIMITED');
    expect(first.error).toBeNull();
    const stillOpen = await Promise.race([client.closed, new Promise((resolve) => setTimeout(resolve, 200, 'open'))]);
    expect(stillOpen).toBe('open');

    const stream = await openEventStream(system.gatewayUrl, { query: SESSION_REVOKED }, bearer(viewer.token));
    try {
      const [result] = await stream.next(1);
      expect(result.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    } finally {
      stream.close();
      await client.dispose();
    }
    expect(
      await gatewayMetric(
        system.gatewayUrl,
        system.secrets.internalSigningSecret,
        'gateway_rate_limited_total',
        'caller="user"',
      ),
    ).toBeGreaterThan(0);
  });
});
