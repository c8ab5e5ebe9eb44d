import { justBeforeMigration } from './migration-step.ts';

// The stores migration that gives stores several networks copies each store's single plan into
// its first network, and from then on the database keeps live networks of different stores apart.
test('store_networks copies every planned store into its first network and guards overlaps', async () => {
  const { db, apply } = await justBeforeMigration('stores', '_store_networks');
  try {
    await db.exec(`
      INSERT INTO "Store" ("id", "codeNumber", "code", "name", "type", "status", "addressLine1", "city", "postalCode",
        "country", "timezone", "vlanId", "subnet", "gateway", "dhcpStart", "dhcpEnd", "updatedAt")
      VALUES
        ('00000000-0000-4000-8000-000000000001', 1, 'ST-0001', 'Planned', 'STANDARD', 'ACTIVE', 'Main St 1', 'Berlin',
         '10115', 'DE', 'Europe/Berlin', 12, '10.9.1.0/24', '10.9.1.1', '10.9.1.100', '10.9.1.200', now()),
        ('00000000-0000-4000-8000-000000000002', 2, 'ST-0002', 'Unplanned', 'KIOSK', 'DRAFT', 'Main St 2', 'Berlin',
         '10115', 'DE', 'Europe/Berlin', NULL, NULL, NULL, NULL, NULL, now()),
        ('00000000-0000-4000-8000-000000000003', 3, 'ST-0003', 'Closed', 'STANDARD', 'DECOMMISSIONED', 'Main St 3',
         'Berlin', '10115', 'DE', 'Europe/Berlin', 12, '10.9.1.0/24', '10.9.1.1', '10.9.1.100', '10.9.1.200', now())`);
    await apply();

    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT "storeId", "position", "purpose", "name", "vlanId", host("subnet") || '/' || masklen("subnet") AS "subnet",
              host("gateway") AS "gateway", host("dhcpStart") AS "start", host("dhcpEnd") AS "end", "live"
       FROM "StoreNetwork" ORDER BY "storeId"`,
    );
    expect(rows).toEqual([
      {
        storeId: '00000000-0000-4000-8000-000000000001',
        position: 0,
        purpose: 'OTHER',
        name: 'Store network',
        vlanId: 12,
        subnet: '10.9.1.0/24',
        gateway: '10.9.1.1',
        start: '10.9.1.100',
        end: '10.9.1.200',
        live: true,
      },
      expect.objectContaining({ storeId: '00000000-0000-4000-8000-000000000003', live: false }),
    ]);

    // Another store's network over the live one is refused by the database itself.
    await expect(
      db.exec(`INSERT INTO "StoreNetwork" ("id", "storeId", "position", "purpose", "name", "vlanId", "subnet", "gateway",
        "dhcpStart", "dhcpEnd") VALUES ('00000000-0000-4000-8000-0000000000aa', '00000000-0000-4000-8000-000000000002',
        0, 'POS', 'Tills', 10, '10.9.0.0/16', '10.9.0.1', '10.9.2.1', '10.9.2.9')`),
    ).rejects.toThrow(/StoreNetwork_subnet_no_overlap/);
  } finally {
    await db.close();
  }
}, 60_000);
