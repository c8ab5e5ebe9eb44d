import { readFileSync } from 'node:fs';
import type { Router } from 'express';
import { parse } from 'graphql';
import type { EventBus } from './event-bus.ts';
import type { NonceStore } from './internal-signature.ts';
import type { Logger } from './logger.ts';
import type { OperationGuardLimits } from './operation-guard.ts';
import type { OutboxRelay, TransactionalSqlClient } from './outbox.ts';
import type { DatabaseDump } from './internal-routes/database-dump.ts';
import { createSubgraphApp, type RequestScope } from './subgraph-server.ts';

/** What every subgraph server is given by its process (startSubgraph) or by a test. */
export interface SubgraphRuntime {
  db: TransactionalSqlClient;
  logger: Logger;
  bus: EventBus;
  relay: OutboxRelay;
  nonceStore: NonceStore;
  internalSigningSecret: string;
  development: boolean;
  /** Resolves when the subgraph can work (its database answers). */
  ready: () => Promise<void>;
  /** Each operation's deadline and field cap; the defaults of operation-guard.ts when not given (tests). */
  operationGuard?: OperationGuardLimits;
  /** The database's consistent dump, served to `npm run backup` (see internal-routes/database-dump.ts). */
  databaseDump?: DatabaseDump;
}

export interface SubgraphDefinition<TDeps, TServices, TContext> {
  name: string;
  /** Where schema.graphql is, e.g. `new URL('../schema.graphql', import.meta.url)`. */
  schemaUrl: URL;
  resolvers: object;
  /** Long-lived services (repositories, domain services) built once per process. */
  createServices: (deps: TDeps) => TServices;
  createContext: (scope: RequestScope, services: TServices) => TContext;
  internalRoutes?: (router: Router, services: TServices) => void;
  publicRoutes?: (router: Router, services: TServices) => void;
  /** Finish in-flight work (queued writes) before the server stops and the database closes. */
  drain?: (services: TServices) => Promise<void>;
}

/**
 * Declares a subgraph once: its contract, resolvers, services and routes. Returns its typeDefs and
 * `createServer(deps)`, the HTTP app without listening (index.ts and tests call it).
 */
export function defineSubgraph<TDeps extends SubgraphRuntime, TServices, TContext extends object>(
  definition: SubgraphDefinition<TDeps, TServices, TContext>,
) {
  const typeDefs = parse(readFileSync(definition.schemaUrl, 'utf8'));
  return {
    typeDefs,
    async createServer(deps: TDeps) {
      const services = definition.createServices(deps);
      const { internalRoutes, publicRoutes } = definition;
      const app = await createSubgraphApp({
        name: definition.name,
        typeDefs,
        resolvers: definition.resolvers,
        internalSigningSecret: deps.internalSigningSecret,
        logger: deps.logger,
        development: deps.development,
        ready: deps.ready,
        nonceStore: deps.nonceStore,
        ...(deps.operationGuard ? { operationGuard: deps.operationGuard } : {}),
        outbox: deps.db,
        ...(deps.databaseDump ? { databaseDump: deps.databaseDump } : {}),
        createContext: (scope) => definition.createContext(scope, services),
        ...(internalRoutes ? { internalRoutes: (router: Router) => internalRoutes(router, services) } : {}),
        ...(publicRoutes ? { publicRoutes: (router: Router) => publicRoutes(router, services) } : {}),
      });
      const { drain } = definition;
      return {
        ...app,
        services,
        async stop() {
          await drain?.(services);
          await app.stop();
        },
      };
    },
  };
}
