import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQueryable } from '@prisma/driver-adapter-utils';
import { Histogram } from 'prom-client';

/**
 * Every query through a subgraph's driver adapter is timed into `db_query_duration_seconds`. The
 * histogram lives in prom-client's global registry because it exists before any service's own
 * registry; createMetrics (@switchyard/shared) copies the global metrics into each service's.
 */
const queryDuration = new Histogram({
  name: 'db_query_duration_seconds',
  help: 'Database queries through the Prisma driver adapter, by kind',
  labelNames: ['operation'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
});

export function instrumentAdapterFactory(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => timedAdapter(await factory.connect()),
  };
}

function timedAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return delegate(adapter, {
    ...timedQueries(adapter),
    startTransaction: async (...args: Parameters<SqlDriverAdapter['startTransaction']>) => {
      const transaction = await adapter.startTransaction(...args);
      return delegate(transaction, timedQueries(transaction));
    },
  });
}

/** `target` with some members replaced; every other member is the target's own, bound to it (adapters use private fields). */
function delegate<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof T];
      const value = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

function timedQueries(queryable: SqlQueryable): Pick<SqlQueryable, 'queryRaw' | 'executeRaw'> {
  const timed = <T>(operation: string, run: () => Promise<T>) => {
    const stop = queryDuration.startTimer({ operation });
    return run().finally(() => stop());
  };
  return {
    queryRaw: (query) => timed('query', () => queryable.queryRaw(query)),
    executeRaw: (query) => timed('execute', () => queryable.executeRaw(query)),
  };
}
