import { createLogger } from '@switchyard/shared';
import { seedDemoStores } from '../src/services/demo-stores.ts';
import { startStores } from './support.ts';

describe('demo stores', () => {
  let stores: Awaited<ReturnType<typeof startStores>>;
  beforeAll(async () => {
    stores = await startStores();
  });
  afterAll(() => stores?.stop());

  it('seeds stores in various states through the use cases, once', async () => {
    const logger = createLogger('stores-test', 'silent');
    await seedDemoStores(stores.services, logger);
    await seedDemoStores(stores.services, logger);
    const rows = await stores.db.store.findMany({ orderBy: { codeNumber: 'asc' } });
    expect(rows.map((row) => row.status)).toEqual([
      'ACTIVE',
      'PROVISIONING',
      'DRAFT',
      'SUSPENDED',
      'ACTIVE',
      'DECOMMISSIONED',
    ]);
    expect(rows.map((row) => row.code)).toEqual(['ST-0001', 'ST-0002', 'ST-0003', 'ST-0004', 'ST-0005', 'ST-0006']);
    const audit = await stores.db.storeAuditEntry.count();
    expect(audit).toBe(rows.reduce((sum, row) => sum + row.version, 0));
    expect(await stores.db.outboxEvent.count()).toBe(audit);
    expect(await stores.db.provisioningStep.count({ where: { doneAt: null, store: { status: 'ACTIVE' } } })).toBe(0);
  });
});
