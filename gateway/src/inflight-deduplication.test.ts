import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTEXT_HEADER, createInternalClient, encodeContext, type SignedRequest } from '@switchyard/shared';
import { userPrincipal } from '@switchyard/testing';
import { deduplicateInflight } from './inflight-deduplication.ts';

describe('deduplicateInflight', () => {
  let server: Server;
  let url: string;
  let hits = 0;
  const client = createInternalClient({ internalSigningSecret: 'test', timeoutMs: 5_000 });
  const alice = encodeContext({ principal: userPrincipal('VIEWER'), requestId: 'a', clientIp: null, userAgent: null });
  const bob = encodeContext({ principal: userPrincipal('VIEWER'), requestId: 'b', clientIp: null, userAgent: null });
  const post = (body: object, context: string) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', [CONTEXT_HEADER]: context },
    body: JSON.stringify(body),
  });

  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits += 1;
      // A slow upstream: the concurrent requests must overlap for there to be anything to share.
      setTimeout(() => res.end(JSON.stringify({ data: { hit: hits } })), 50);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await client.close();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => void (hits = 0));

  it('sends concurrent identical reads of one caller once, and gives each the answer', async () => {
    const deduplicated = deduplicateInflight(client.request);
    const query = { query: 'query { _entities { __typename } }' };
    const responses = await Promise.all([1, 2, 3].map(() => deduplicated(url, post(query, alice))));
    expect(hits).toBe(1);
    expect(responses.map((r) => JSON.parse(r.body) as unknown)).toEqual([
      { data: { hit: 1 } },
      { data: { hit: 1 } },
      { data: { hit: 1 } },
    ]);
  });

  it('survives a shared request that fails after its only caller left before it started', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const failing: SignedRequest = () =>
        new Promise((_resolve, reject) => setTimeout(() => reject(new Error('down')), 20));
      const deduplicated = deduplicateInflight(failing);
      const gone = AbortSignal.abort(new Error('client left'));
      await expect(deduplicated(url, { ...post({ query: '{ me { id } }' }, alice), signal: gone })).rejects.toThrow(
        'client left',
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('never shares mutations, nor requests of different callers', async () => {
    const deduplicated = deduplicateInflight(client.request);
    await Promise.all([
      deduplicated(url, post({ query: 'mutation { logout }' }, alice)),
      deduplicated(url, post({ query: 'mutation { logout }' }, alice)),
    ]);
    expect(hits).toBe(2);
    await Promise.all([
      deduplicated(url, post({ query: '{ me { id } }' }, alice)),
      deduplicated(url, post({ query: '{ me { id } }' }, bob)),
    ]);
    expect(hits).toBe(4);
  });
});
