import { randomBytes } from 'node:crypto';
import { bearer, eventually, graphql } from '@switchyard/testing';
import { createHousehold, createStores, login, storeInput } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

/**
 * Every field one subgraph contributes to another's entity, with the subgraph that serves it: while
 * that subgraph is down, the entity is still there with the field null and a SERVICE_UNAVAILABLE
 * error at the field's path naming the subgraph.
 */
const STORE_FIELDS_OF_HARDWARE = ['devices', 'assets', 'hubs'] as const;
const OVERVIEW_FIELDS_OF_HARDWARE = ['devicesOnline', 'devicesTotal'] as const;

describe.each(ONE_BACKEND)('partial data while a subgraph is down (%s)', (backend) => {
  let system: System;
  let token: string;
  const tag = `partial-${randomBytes(4).toString('hex')}`;
  let names: string[];
  const gql = (query: string, variables: Record<string, unknown> = {}) =>
    graphql(system.gatewayUrl, query, variables, bearer(token));
  const service = (name: string) => system.services.find((s) => s.name === name)!;

  beforeAll(async () => {
    system = await startSystem(backend, { env: { SEED_DEMO_DATA: 'false' } });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
    const stores = await createStores(
      system.gatewayUrl,
      token,
      [1, 2, 3].map((n) => storeInput({ name: `${tag} store ${n}` })),
    );
    names = stores.map((store) => store.name).sort();
    const asset = await gql('mutation ($input: CreateAssetInput!) { createAsset(input: $input) { id } }', {
      input: { kind: 'ROUTER', serialNumber: `${tag}-router`, model: 'RB5009', vendor: 'MikroTik' },
    });
    const allocated = await gql('mutation ($a: ID!, $s: ID!) { allocateAsset(assetId: $a, storeId: $s) { id } }', {
      a: asset.data.createAsset.id,
      s: stores[0].id,
    });
    if (!allocated.data?.allocateAsset) throw new Error(`allocateAsset failed: ${JSON.stringify(allocated.errors)}`);
    await createHousehold(system.gatewayUrl, token, `${tag} household`);
  }, 180_000);
  afterAll(async () => {
    await system?.destroy();
  });

  const storeList = (field: string) =>
    gql(
      `query ($search: String) { stores(filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) { edges { node { name ${field} { id } } } } }`,
      { search: tag },
    );

  it('answers every field in full while every subgraph is up', async () => {
    for (const field of STORE_FIELDS_OF_HARDWARE) {
      const answer = await storeList(field);
      expect(answer.errors).toBeUndefined();
      for (const { node } of answer.data.stores.edges) expect(node[field]).toEqual(expect.any(Array));
    }
  });

  describe('hardware down', () => {
    beforeAll(async () => {
      await service('hardware').stop();
    });
    afterAll(async () => {
      await service('hardware').start();
      // Until the gateway's breaker for hardware lets a call through again.
      await eventually(async () => (await gql('{ hubs { id } }')).data?.hubs, 30_000, 250);
    });

    it.each(STORE_FIELDS_OF_HARDWARE)(
      'a store list still shows every store, with Store.%s null at its path',
      async (field) => {
        const answer = await storeList(field);
        expect(answer.data.stores.edges.map((e: any) => e.node.name)).toEqual(names);
        expect(answer.data.stores.edges.map((e: any) => e.node[field])).toEqual([null, null, null]);
        expect(answer.errors!.map((e: any) => e.path)).toEqual(
          names.map((_, i) => ['stores', 'edges', i, 'node', field]),
        );
        for (const error of answer.errors!) {
          expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: 'hardware' });
          expect(Object.keys(error.extensions!)).not.toContain('stacktrace');
        }
      },
    );

    it('one store keeps its own fields beside all three of hardware', async () => {
      const answer = await gql(
        `query ($search: String) { stores(filter: { search: $search }, first: 1) { edges { node { id } } } }`,
        { search: tag },
      );
      const id = answer.data.stores.edges[0].node.id;
      const store = await gql('query ($id: ID!) { store(id: $id) { name devices { id } assets { id } hubs { id } } }', {
        id,
      });
      expect(store.data.store).toEqual({ name: names[0], devices: null, assets: null, hubs: null });
      expect(store.errors!.map((e: any) => e.path).sort()).toEqual([
        ['store', 'assets'],
        ['store', 'devices'],
        ['store', 'hubs'],
      ]);
    });

    it.each(OVERVIEW_FIELDS_OF_HARDWARE)(
      'the overview keeps its own figures, with Overview.%s null at its path',
      async (field) => {
        const answer = await gql(`{ overview { firingAlerts ${field} } }`);
        expect(answer.data.overview).toEqual({ firingAlerts: expect.any(Number), [field]: null });
        expect(answer.errors).toEqual([
          expect.objectContaining({
            path: ['overview', field],
            extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', serviceName: 'hardware' }),
          }),
        ]);
      },
    );
  });

  describe('stores down', () => {
    beforeAll(async () => {
      await service('stores').stop();
    });
    afterAll(async () => {
      await service('stores').start();
    });

    it('an asset keeps hardware’s fields, with AssetAllocation.store null at its path', async () => {
      const answer = await gql(
        'query ($search: String) { assets(filter: { search: $search }) { edges { node { serialNumber allocations { store { name } } } } } }',
        { search: tag },
      );
      expect(answer.errors).toEqual([
        expect.objectContaining({
          path: ['assets', 'edges', 0, 'node', 'allocations', 0, 'store', 'name'],
          extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', serviceName: 'stores' }),
        }),
      ]);
      expect(answer.data.assets.edges).toEqual([
        // Serial numbers are kept in capitals.
        { node: { serialNumber: `${tag}-router`.toUpperCase(), allocations: [{ store: null }] } },
      ]);
    });
  });

  describe('meals down', () => {
    beforeAll(async () => {
      await service('meals').stop();
    });
    afterAll(async () => {
      await service('meals').start();
    });

    it('me keeps identity’s fields, with User.household null at its path', async () => {
      const answer = await gql('{ me { email household { name } } }');
      expect(answer.data.me).toEqual({ email: system.admin.email, household: null });
      expect(answer.errors).toEqual([
        expect.objectContaining({
          path: ['me', 'household'],
          extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', serviceName: 'meals' }),
        }),
      ]);
    });
  });
});
