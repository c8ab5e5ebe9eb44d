import { print } from 'graphql';
import {
  bearer,
  codesOf,
  collect,
  graphql,
  openEventStream,
  signedGraphQL,
  subscriptionClient,
  userPrincipal,
} from '@switchyard/testing';
import { OPERATION_BOMBS, login, nestDevicesOfHubs } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';
import { DevicesDocument } from '../../../web/src/lib/graphql/generated/graphql.ts';

const BOMBS = OPERATION_BOMBS;
// Over the gateway's depth limit, within the subgraphs' own.
const depthBomb = OPERATION_BOMBS.find(([rule]) => rule === 'depth')![1];

/** Operation limits and schema disclosure, through the gateway on every transport and on a subgraph directly. */
describe.each(ONE_BACKEND)('operation limits (%s)', (backend) => {
  let system: System;
  let token: string;

  beforeAll(async () => {
    system = await startSystem(backend, { subgraphs: ['identity', 'hardware', 'stores'] });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  });
  afterAll(() => system?.destroy());

  // How fast they are refused is measured by `npm run bench:limits`, not asserted here.
  it.each(BOMBS)('refuses a %s bomb over HTTP with the limit and the measured value', async (rule, query) => {
    const response = await graphql(system.gatewayUrl, query, {}, bearer(token));
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      expect.objectContaining({
        extensions: { code: 'OPERATION_TOO_COMPLEX', rule, limit: expect.any(Number), measured: expect.any(Number) },
      }),
    ]);
    const { limit, measured } = response.errors![0]!.extensions as { limit: number; measured: number };
    expect(measured).toBeGreaterThan(limit);
  });

  it('keeps answering another client while 10 bombs a second arrive', async () => {
    let sending = true;
    const refusals: Promise<boolean>[] = [];
    const bombing = (async () => {
      for (let i = 0; sending; i += 1) {
        const [, query] = BOMBS[i % BOMBS.length]!;
        refusals.push(graphql(system.gatewayUrl, query).then((bomb) => codesOf(bomb)[0] === 'OPERATION_TOO_COMPLEX'));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    for (let i = 0; i < 30; i += 1) {
      const other = await graphql(system.gatewayUrl, '{ me { email } }', {}, bearer(token));
      expect(other.data).toEqual({ me: { email: system.admin.email } });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    sending = false;
    await bombing;
    expect(refusals.length).toBeGreaterThanOrEqual(15);
    expect(await Promise.all(refusals)).not.toContain(false);
  });

  it('applies the same limits on websockets, failing only the one operation', async () => {
    const client = subscriptionClient(system.gatewayUrl, { authorization: `Bearer ${token}` });
    try {
      for (const [rule, query] of BOMBS.filter(([rule]) => rule !== 'size')) {
        const bomb = collect(client, query);
        await expect(bomb.next(1)).rejects.toThrow('OPERATION_TOO_COMPLEX');
        expect(JSON.stringify(bomb.error)).toContain(`"rule":"${rule}"`);
      }
      const after = collect(client, '{ __typename }');
      expect(await after.next(1)).toEqual([{ data: { __typename: 'Query' } }]);
    } finally {
      await client.dispose();
    }
  });

  it('applies the same limits on Server-Sent Events', async () => {
    for (const [rule, query] of BOMBS.filter(([rule]) => rule !== 'size')) {
      const stream = await openEventStream(system.gatewayUrl, { query }, bearer(token));
      try {
        const [result] = await stream.next(1);
        expect(result.errors[0].extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', rule });
      } finally {
        stream.close();
      }
    }
  });

  it("lets the web app's largest page through", async () => {
    const response = await graphql(system.gatewayUrl, print(DevicesDocument), { first: 200 }, bearer(token));
    expect(response.errors).toBeUndefined();
    expect(response.data.devices.edges).toEqual(expect.any(Array));
  });

  it('has each subgraph refuse what is beyond its own limits when called directly', async () => {
    const url = `${system.subgraphUrls.hardware}/graphql`;
    const admin = userPrincipal('ADMIN');
    const deep = `{ devices { edges { node { hub { ${nestDevicesOfHubs(8)} } } } } }`;
    const refusedDeep = await signedGraphQL(url, system.secrets.internalSigningSecret, admin, deep);
    expect(refusedDeep.status).toBe(400);
    expect(refusedDeep.errors![0]!.extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', rule: 'depth' });
    const tokens = `{ ${'__typename '.repeat(6_000)} }`;
    const refusedTokens = await signedGraphQL(url, system.secrets.internalSigningSecret, admin, tokens);
    expect(refusedTokens.errors![0]!.extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', rule: 'tokens' });
    const fine = await signedGraphQL(url, system.secrets.internalSigningSecret, admin, depthBomb);
    expect(fine.errors).toBeUndefined();
  });

  it('shows introspection and suggestions to signed-in callers only', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    const anonymous = await graphql(system.gatewayUrl, introspection);
    expect(anonymous.status).toBe(400);
    expect(codesOf(anonymous)).toContain('GRAPHQL_VALIDATION_FAILED');
    const signedIn = await graphql(system.gatewayUrl, introspection, {}, bearer(token));
    expect(signedIn.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    // __typename is not introspection: clients add it everywhere.
    expect((await graphql(system.gatewayUrl, '{ __typename }')).data).toEqual({ __typename: 'Query' });

    const typo = '{ mee { id } }';
    const [hidden] = (await graphql(system.gatewayUrl, typo)).errors!;
    expect(hidden!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(hidden!.message).not.toMatch(/Did you mean/);
    const [shown] = (await graphql(system.gatewayUrl, typo, {}, bearer(token))).errors!;
    expect(shown!.message).toMatch(/Did you mean "me"\?/);

    const stream = await openEventStream(system.gatewayUrl, { query: introspection }, bearer(token));
    try {
      expect(await stream.next(1)).toEqual([{ data: { __schema: { queryType: { name: 'Query' } } } }]);
    } finally {
      stream.close();
    }
  });
});
