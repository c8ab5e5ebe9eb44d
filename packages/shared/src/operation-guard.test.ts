import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { eventually, signedGraphQL, signedMetrics, userPrincipal } from '@switchyard/testing';
import { CONTEXT_HEADER, SIGNATURE_HEADER, encodeContext, signRequest } from './internal-signature.ts';
import { createLogger } from './logger.ts';
import { createSubgraphApp, type SubgraphApp } from './subgraph-server.ts';

const SECRET = 'operation-guard-test-secret-0123456789';
const FANOUT = 10;
// Depth 12 of a fanout of 10: 10^12 nodes, an answer no operation could finish.
const BOMB = `{ root ${'{ children '.repeat(12)}{ id }${' }'.repeat(13)}`;

/** A subgraph whose only type fans out forever: every `children` is ten more nodes (asynchronously, as a loader would). */
const typeDefs = parse(`
  directive @authz(role: String!, scope: String, userOnly: Boolean) on FIELD_DEFINITION | OBJECT
  type Query { root: Node! @authz(role: "VIEWER") small: [Node!]! @authz(role: "VIEWER") }
  type Node { id: ID! children: [Node!]! }
`);

describe('operation guard of a subgraph', () => {
  let server: Server;
  let subgraph: SubgraphApp;
  let url: string;
  let base: string;
  let resolved = 0;
  // 0: each level as fast as the event loop allows; otherwise this long per `children`.
  let delayMs = 0;
  const resolvers = {
    Query: { root: () => ({ id: '0' }), small: () => [{ id: 'a' }, { id: 'b' }] },
    Node: {
      children: async ({ id }: { id: string }) => {
        resolved += 1;
        await new Promise((resolve) => (delayMs ? setTimeout(resolve, delayMs) : setImmediate(resolve)));
        return Array.from({ length: FANOUT }, (_, i) => ({ id: `${id}.${i}` }));
      },
    },
  };
  const viewer = userPrincipal('VIEWER');
  const stoppedFor = async (reason: string) =>
    Number(
      (await signedMetrics(base, SECRET)).match(
        new RegExp(`^graphql_operations_stopped_total\\{[^}]*reason="${reason}"[^}]*\\} (\\d+)`, 'm'),
      )?.[1] ?? 0,
    );

  beforeAll(async () => {
    subgraph = await createSubgraphApp({
      name: 'guarded',
      typeDefs,
      resolvers,
      internalSigningSecret: SECRET,
      logger: createLogger('guarded', 'silent'),
      development: false,
      ready: async () => undefined,
      createContext: (scope) => scope,
      // A deadline far enough that the field cap stops the bomb first, also on a loaded machine.
      operationGuard: { deadlineMs: 3_000, maxFields: 5_000 },
    });
    server = createServer(subgraph.app);
    // Longer than any test here: undici must not reuse a connection the server is closing (ECONNRESET).
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    url = `${base}/graphql`;
  });
  afterAll(async () => {
    await subgraph.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers operations within the limits as before', async () => {
    const answer = await signedGraphQL(url, SECRET, viewer, '{ small { id children { id } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.small).toHaveLength(2);
  });

  it('stops an answer that grows beyond the field cap, with one RESPONSE_TOO_LARGE error', async () => {
    const answer = await signedGraphQL(url, SECRET, viewer, BOMB);
    expect(answer.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'RESPONSE_TOO_LARGE', limit: 5_000 }) }),
    ]);
    expect(await stoppedFor('response_size')).toBe(1);
  });

  it('stops an operation at its deadline, with OPERATION_DEADLINE_EXCEEDED', async () => {
    // A level every 800 ms: the deadline (3 s) passes while the fourth level (2,220 fields so far) is pending.
    const slow = `{ root ${'{ children '.repeat(5)}{ id }${' }'.repeat(6)}`;
    delayMs = 800;
    const answer = await signedGraphQL(url, SECRET, viewer, slow);
    expect(answer.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'OPERATION_DEADLINE_EXCEEDED' }) }),
    ]);
    expect(await stoppedFor('deadline')).toBe(1);
  });

  it('stops resolving once the caller closes its connection', async () => {
    resolved = 0;
    const body = JSON.stringify({ query: BOMB });
    const context = encodeContext({ principal: viewer, requestId: randomUUID(), clientIp: null, userAgent: 'jest' });
    const caller = new AbortController();
    const answer = fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CONTEXT_HEADER]: context,
        [SIGNATURE_HEADER]: signRequest(SECRET, context, body),
      },
      body,
      signal: caller.signal,
    });
    await eventually(async () => resolved > 0);
    caller.abort();
    await expect(answer).rejects.toThrow();
    await eventually(async () => (await stoppedFor('caller_gone')) === 1);
    // Once stopped, no more fields resolve: the count settles.
    const settled = await eventually(async () => {
      const before = resolved;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return resolved === before ? resolved : undefined;
    });
    expect(settled).toBeLessThan(5_000);
  });
});
