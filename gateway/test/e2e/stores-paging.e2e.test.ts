import { randomBytes } from 'node:crypto';
import { bearer, codesOf, graphql } from '@switchyard/testing';
import { login, signedInAs, createStores, storeInput } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const STORE_COUNT = 1_000;
const TYPES = ['FLAGSHIP', 'STANDARD', 'KIOSK', 'WAREHOUSE', 'HOME'] as const;
const REGIONS = ['Bavaria', 'Saxony', null] as const;
const PAGE = `query ($filter: StoreFilter, $orderBy: StoreOrder, $after: String) {
  stores(filter: $filter, orderBy: $orderBy, first: 50, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id code name type status createdAt address { city region } } }
  }
}`;

describe.each(ONE_BACKEND)('paging through stores (%s)', (backend) => {
  let system: System;
  let token: string;
  // Letters only, so every collation orders the names the same way.
  const tag = `pg${randomBytes(4)
    .toString('hex')
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
  const expected: { name: string; type: string; city: string; region: string | null }[] = [];
  let created: any[] = [];

  const visit = async (filter: Record<string, unknown>, orderBy: Record<string, unknown>) => {
    const nodes: any[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    do {
      const response = await graphql(system.gatewayUrl, PAGE, { filter, orderBy, after }, bearer(token));
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      const page: any = response.data.stores;
      totals.add(page.totalCount);
      nodes.push(...page.edges.map((edge: any) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(totals.size).toBe(1);
    return { nodes, totalCount: [...totals][0] };
  };

  beforeAll(async () => {
    system = await startSystem(backend, { subgraphs: ['identity', 'stores'] });
    const admin = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
    token = (await signedInAs(system.gatewayUrl, admin, 'OPERATOR')).token;
    for (let i = 0; i < STORE_COUNT; i++) {
      expected.push({
        name: `${tag} ${String(i).padStart(4, '0')}`,
        type: TYPES[i % 5]!,
        city: `Town${tag}${'ABCD'[i % 4]}`,
        region: REGIONS[i % 3]!,
      });
    }
    const inputs = expected.map(({ name, type, city, region }) =>
      storeInput({ name, type, address: { line1: 'Main St 1', city, region, postalCode: '10115', country: 'DE' } }),
    );
    // Four requests of 50 creates in flight at a time keeps setup short on both backends.
    const chunks = Array.from({ length: 4 }, (_, worker) => inputs.filter((_, i) => Math.floor(i / 50) % 4 === worker));
    created = (await Promise.all(chunks.map((chunk) => createStores(system.gatewayUrl, token, chunk)))).flat();
    const toProvision = created.filter((_, i) => i % 10 === 0).map((store) => store.id);
    const moved = await graphql(
      system.gatewayUrl,
      'mutation ($ids: [ID!]!) { bulkTransitionStores(ids: $ids, to: PROVISIONING) { succeeded } }',
      { ids: toProvision },
      bearer(token),
    );
    expect(moved.data.bulkTransitionStores.succeeded).toBe(toProvision.length);
  }, 300_000);
  afterAll(async () => {
    await system?.destroy();
  });

  it('visits each store exactly once, in code order, with the right totalCount', async () => {
    const { nodes, totalCount } = await visit({ search: tag }, { field: 'CODE' });
    expect(totalCount).toBe(STORE_COUNT);
    expect(nodes).toHaveLength(STORE_COUNT);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(STORE_COUNT);
    const numbers = nodes.map((n) => Number(n.code.slice(3)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('orders by name descending and by creation time, with id breaking ties', async () => {
    const byName = await visit({ search: tag.toUpperCase() }, { field: 'NAME', direction: 'DESC' });
    expect(byName.nodes.map((n) => n.name)).toEqual(
      expected
        .map((e) => e.name)
        .sort()
        .reverse(),
    );
    const byCreation = await visit({ search: tag }, { field: 'CREATED_AT', direction: 'DESC' });
    expect(new Set(byCreation.nodes.map((n) => n.id)).size).toBe(STORE_COUNT);
    const times = byCreation.nodes.map((n) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('combines filters and search', async () => {
    const filter = { search: `town${tag}b`, types: ['KIOSK', 'HOME'], region: 'BAVARIA', statuses: ['DRAFT'] };
    const { nodes, totalCount } = await visit(filter, { field: 'CODE' });
    const matching = expected.filter(
      (e, i) => e.city.endsWith('B') && ['KIOSK', 'HOME'].includes(e.type) && e.region === 'Bavaria' && i % 10 !== 0,
    );
    expect(totalCount).toBe(matching.length);
    expect(nodes.map((n) => n.name).sort()).toEqual(matching.map((e) => e.name).sort());
    expect(matching.length).toBeGreaterThan(0);

    const provisioning = await visit({ search: tag, statuses: ['PROVISIONING'] }, { field: 'UPDATED_AT' });
    expect(provisioning.totalCount).toBe(STORE_COUNT / 10);
  });

  it('refuses page sizes over 200 and bad cursors', async () => {
    expect(
      codesOf(await graphql(system.gatewayUrl, '{ stores(first: 201) { totalCount } }', {}, bearer(token))),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codesOf(await graphql(system.gatewayUrl, '{ stores(after: "bm9wZQ") { totalCount } }', {}, bearer(token))),
    ).toEqual(['BAD_USER_INPUT']);
  });
});
