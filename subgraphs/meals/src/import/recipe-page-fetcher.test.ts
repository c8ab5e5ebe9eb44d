import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { CircuitBreakerSnapshot } from '@switchyard/shared';
import { createRecipePageFetcher } from './recipe-page-fetcher.ts';

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
  throw new Error('expected a failure');
}

/** A loopback port nothing listens on: connections are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('recipe page fetcher', () => {
  const breaker = (changes: CircuitBreakerSnapshot[]) => ({
    failures: 1,
    halfOpenAfterMs: 60_000,
    onStateChange: (s: CircuitBreakerSnapshot) => changes.push(s),
  });

  it('does not count refused addresses and invalid URLs against a site', async () => {
    const changes: CircuitBreakerSnapshot[] = [];
    const fetchPage = createRecipePageFetcher(
      { timeoutMs: 1_000, maxBytes: 10_000, allowPrivate: false },
      breaker(changes),
    );
    for (let i = 0; i < 3; i++) expect(await codeOf(fetchPage('http://127.0.0.1:9/recipe'))).toBe('BAD_USER_INPUT');
    expect(await codeOf(fetchPage('ftp://example.com/recipe'))).toBe('BAD_USER_INPUT');
    expect(await codeOf(fetchPage('not a url'))).toBe('BAD_USER_INPUT');
    expect(changes).toEqual([]);
  });

  it('counts a refused connection, and then fails fast for that site', async () => {
    const changes: CircuitBreakerSnapshot[] = [];
    const port = await closedPort();
    const fetchPage = createRecipePageFetcher(
      { timeoutMs: 1_000, maxBytes: 10_000, allowPrivate: true },
      breaker(changes),
    );
    expect(await codeOf(fetchPage(`http://127.0.0.1:${port}/recipe`))).toBe('BAD_USER_INPUT');
    expect(await codeOf(fetchPage(`http://127.0.0.1:${port}/other`))).toBe('SERVICE_UNAVAILABLE');
    expect(changes.map((c) => [c.service, c.name, c.state])).toEqual([
      ['meals', `recipe-import:127.0.0.1:${port}`, 'OPEN'],
    ]);
  });
});
