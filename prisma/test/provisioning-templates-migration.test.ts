import { justBeforeMigration } from './migration-step.ts';

// The stores migration that makes provisioning steps editable templates seeds version 1 of every
// store type with the lists fixed in code until then, and marks every existing store as made from it.
test('provisioning_templates seeds version 1 per type and backfills existing stores', async () => {
  const { db, apply } = await justBeforeMigration('stores', '_provisioning_templates');
  try {
    await db.exec(`
      INSERT INTO "Store" ("id", "codeNumber", "code", "name", "type", "status", "addressLine1", "city", "postalCode",
        "country", "timezone", "updatedAt")
      VALUES ('00000000-0000-4000-8000-000000000001', 1, 'ST-0001', 'Old', 'HOME', 'DRAFT', 'Main St 1', 'Berlin',
        '10115', 'DE', 'Europe/Berlin', now());
      INSERT INTO "ProvisioningStep" ("storeId", "key", "title", "position")
      VALUES ('00000000-0000-4000-8000-000000000001', 'hub-paired', 'Hub paired', 0)`);
    await apply();

    const stores = await db.query(`SELECT "templateVersion" FROM "Store"`);
    expect(stores.rows).toEqual([{ templateVersion: 1 }]);
    const steps = await db.query(`SELECT "key", "required" FROM "ProvisioningStep"`);
    expect(steps.rows).toEqual([{ key: 'hub-paired', required: true }]);
    const templates = await db.query<{ storeType: string; version: number; keys: string[] }>(
      `SELECT "storeType", "version", ARRAY(SELECT s->>'key' FROM jsonb_array_elements("steps") s) AS "keys"
       FROM "ProvisioningTemplate" ORDER BY "storeType"`,
    );
    expect(templates.rows).toEqual([
      {
        storeType: 'FLAGSHIP',
        version: 1,
        keys: ['network-configured', 'hardware-allocated', 'hub-paired', 'pos-tested', 'staff-trained'],
      },
      {
        storeType: 'STANDARD',
        version: 1,
        keys: ['network-configured', 'hardware-allocated', 'hub-paired', 'pos-tested', 'staff-trained'],
      },
      { storeType: 'KIOSK', version: 1, keys: ['network-configured', 'hardware-allocated', 'pos-tested'] },
      {
        storeType: 'WAREHOUSE',
        version: 1,
        keys: ['network-configured', 'hardware-allocated', 'hub-paired', 'staff-trained'],
      },
      { storeType: 'HOME', version: 1, keys: ['network-configured', 'hub-paired'] },
    ]);
  } finally {
    await db.close();
  }
}, 60_000);
