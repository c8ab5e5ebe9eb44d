import { createServer as createHttpServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import {
  SUBGRAPHS,
  circuitBreakerResetRoute,
  circuitBreakersRoute,
  envPrefix,
  eventFeedRoute,
  householdOfRoute,
  parseConfig,
} from '@switchyard/shared';
import { listen, startSubgraphForTest, type TestBackend } from '@switchyard/testing';
import { observabilityEnvSchema } from '../src/config.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { createServer } from '../src/server.ts';

/**
 * The observability subgraph on its own fresh database, listening on a free port; `env` as
 * index.ts would read it, but scheduled backups off unless `env` turns them on (they would add a
 * `backups` row to every health matrix). The background jobs run only after `startJobs()`.
 */
export async function startObservability(backend: TestBackend, env: Record<string, string> = {}) {
  const config = parseConfig(observabilityEnvSchema, {
    INTERNAL_SIGNING_SECRET: randomBytes(32).toString('hex'),
    BACKUP_SCHEDULE: 'off',
    // Notifications at once unless a test is about grouping.
    ALERT_GROUP_WAIT_SECONDS: '0',
    ...env,
  });
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

/**
 * A stand-in for every other service: /ready answers as told, the event feed serves `events`, the
 * household route answers from `households` (meals), /metrics counts `operations`, the circuit
 * breakers route lists `breakers` (every service's, as each would list its own; 404 while null);
 * each counts how often it was asked (`metricsScrapes`, `breakerLists`); the breaker reset route
 * records what it was asked (`resets`) and answers the breaker closed when it is in `breakers`.
 */
export async function startFakeServices() {
  const state = {
    ready: true,
    events: [] as unknown[],
    operations: { ok: 0, serverErrors: 0 },
    metricsScrapes: 0,
    breakerLists: 0,
    breakers: null as { service: string; name: string; state: string; failures: number; since: string }[] | null,
    /** Every breaker reset asked over the reset route, in order. */
    resets: [] as { service: string; name: string }[],
    /** Meals' answer to /internal/households/of: user id → household id. */
    households: {} as Record<string, string>,
  };
  const server = createHttpServer((req, res) => {
    if (req.url?.startsWith('/ready')) {
      res.writeHead(state.ready ? 200 : 503).end();
    } else if (req.url?.startsWith(eventFeedRoute.path)) {
      const after = new Date(new URL(req.url, 'http://x').searchParams.get('after') ?? 0);
      const events = state.events.filter((e) => new Date((e as { occurredAt: string }).occurredAt) > after);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ events }));
    } else if (req.url?.startsWith(householdOfRoute.path)) {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const { userId } = JSON.parse(body) as { userId: string };
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ householdId: state.households[userId] ?? null }));
      });
    } else if (req.url?.startsWith(circuitBreakerResetRoute.path)) {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const asked = JSON.parse(body) as { service: string; name: string };
        state.resets.push(asked);
        const found = state.breakers?.find((b) => b.service === asked.service && b.name === asked.name);
        const breaker = found && { ...found, state: 'CLOSED', failures: 0, since: new Date().toISOString() };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ breaker: breaker ?? null }));
      });
    } else if (req.url?.startsWith(circuitBreakersRoute.path)) {
      state.breakerLists += 1;
      if (!state.breakers) res.writeHead(404).end();
      else
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ at: new Date().toISOString(), breakers: state.breakers }));
    } else if (req.url?.startsWith('/metrics')) {
      state.metricsScrapes += 1;
      const { ok, serverErrors } = state.operations;
      res
        .writeHead(200, { 'content-type': 'text/plain' })
        .end(
          `graphql_operations_total{type="query",outcome="ok"} ${ok}\ngraphql_operations_total{type="mutation",outcome="server_error"} ${serverErrors}\n`,
        );
    } else res.writeHead(404).end();
  });
  const baseUrl = await listen(server);
  const env = Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${envPrefix(name)}_URL`, `${baseUrl}/graphql`]));
  return { state, env: { ...env, GATEWAY_URL: baseUrl }, close: () => new Promise((resolve) => server.close(resolve)) };
}
