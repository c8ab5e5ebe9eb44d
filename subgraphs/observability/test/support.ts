import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { SUBGRAPHS, envPrefix, parseConfig } from '@switchyard/shared';
import { startSubgraphForTest, type TestBackend } from '@switchyard/shared/testing';
import { observabilityEnvSchema } from '../src/config.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { createServer } from '../src/server.ts';

/**
 * The observability subgraph on its own fresh database, listening on a free port; `env` as
 * index.ts would read it. The background jobs run only after `startJobs()`.
 */
export async function startObservability(backend: TestBackend, env: Record<string, string> = {}) {
  const config = parseConfig(observabilityEnvSchema, { INTERNAL_SIGNING_SECRET: randomBytes(32).toString('hex'), ...env });
  const subgraph = await startSubgraphForTest({
    subgraph: 'observability',
    backend,
    createClient: (adapter) => new PrismaClient({ adapter }),
    createServer,
    config,
  });
  let jobs: ReturnType<typeof subgraph.services.startJobs> | null = null;
  return {
    ...subgraph,
    startJobs: () => (jobs = subgraph.services.startJobs()),
    async stop() {
      await jobs?.stop();
      await subgraph.stop();
    },
  };
}

/** A stand-in for every other service: /ready answers as told, /internal/events serves `events`, /metrics counts `operations`. */
export async function startFakeServices() {
  const state = { ready: true, events: [] as unknown[], operations: { ok: 0, serverErrors: 0 } };
  const server = createHttpServer((req, res) => {
    if (req.url?.startsWith('/ready')) {
      res.writeHead(state.ready ? 200 : 503).end();
    } else if (req.url?.startsWith('/internal/events')) {
      const after = new Date(new URL(req.url, 'http://x').searchParams.get('after') ?? 0);
      const events = state.events.filter((e) => new Date((e as { occurredAt: string }).occurredAt) > after);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ events }));
    } else if (req.url?.startsWith('/metrics')) {
      const { ok, serverErrors } = state.operations;
      res.writeHead(200, { 'content-type': 'text/plain' }).end(
        `graphql_operations_total{type="query",outcome="ok"} ${ok}\ngraphql_operations_total{type="mutation",outcome="server_error"} ${serverErrors}\n`,
      );
    } else res.writeHead(404).end();
  });
  const baseUrl = await listen(server);
  const env = Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${envPrefix(name)}_URL`, `${baseUrl}/graphql`]));
  return { state, env: { ...env, GATEWAY_URL: baseUrl }, close: () => new Promise((resolve) => server.close(resolve)) };
}

export interface ReceivedRequest {
  headers: IncomingMessage['headers'];
  body: string;
  status: number;
}

/** A webhook receiver answering with `statuses` in turn (then 200), keeping every request. */
export async function startWebhookReceiver(statuses: number[] = []) {
  const received: ReceivedRequest[] = [];
  const server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const status = statuses.shift() ?? 200;
      received.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  const url = `${await listen(server)}/hook`;
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Polls `check` until it returns a truthy value. */
export { eventually } from '@switchyard/shared/testing';
