import { register } from 'prom-client';
import { openPrismaDatabase } from '../src/index.ts';

/** A minimal client: Prisma's own would need a generated schema, the adapter is what is timed. */
describe('database query metrics', () => {
  it('time queries and transactions through the adapter, leaving the adapter working', async () => {
    const database = await openPrismaDatabase('stores', { dataDir: 'memory://', poolSize: 1 }, (adapter) => ({
      adapter,
      $disconnect: async () => undefined,
    }));
    const adapter = await database.db.adapter.connect();
    const before = await register.getSingleMetric('db_query_duration_seconds')!.get();
    const count = (values: typeof before.values) =>
      values
        .filter((v) => (v as { metricName?: string }).metricName === 'db_query_duration_seconds_count')
        .reduce((sum, v) => sum + v.value, 0);
    expect((await adapter.queryRaw({ sql: 'SELECT 1 AS one', args: [], argTypes: [] })).rows).toEqual([[1]]);
    const tx = await adapter.startTransaction();
    await tx.executeRaw({ sql: 'SELECT 1', args: [], argTypes: [] });
    await tx.commit();
    const after = await register.getSingleMetric('db_query_duration_seconds')!.get();
    expect(count(after.values) - count(before.values)).toBe(2);
    await adapter.dispose();
    await database.close();
  });
});
