import { CloseCode } from 'graphql-ws';
import { bearer, graphql, subscriptionClient } from '@switchyard/testing';
import { createApiKey, login, signedInAs } from '@switchyard/testing/fixtures';
import { startSystem, type System } from '@switchyard/testing/system';

/**
 * Revocations reach the gateway as identity's events, not at the next re-check of a credential
 * (every 5 s by default, left so here): a connection ends within a second of the revocation.
 */
describe('revocation events through the gateway', () => {
  let system: System;
  let adminToken: string;

  beforeAll(async () => {
    system = await startSystem('pglite', { subgraphs: ['identity'], env: { SEED_DEMO_DATA: 'false' } });
    adminToken = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  }, 120_000);
  afterAll(() => system?.destroy());

  /** An acknowledged websocket (its credential is watched from connection_init on), and how and when it closed. */
  const openSocket = async (connectionParams: Record<string, unknown>) => {
    const socket = subscriptionClient(system.gatewayUrl, connectionParams);
    await socket.connected;
    return { closed: socket.closed.then(({ code }) => ({ code, at: Date.now() })) };
  };
  const mutate = async (query: string, variables: Record<string, unknown>) => {
    const answer = await graphql(system.gatewayUrl, query, variables, bearer(adminToken));
    expect(answer.errors).toBeUndefined();
    return Date.now();
  };

  it('closes an API key websocket within 1 s of the key being revoked', async () => {
    const key = await createApiKey(system.gatewayUrl, adminToken, ['identity:read']);
    const { closed } = await openSocket({ apiKey: key.secret });
    const revokedAt = await mutate('mutation ($id: ID!) { revokeApiKey(id: $id) { id } }', { id: key.id });
    const { code, at } = await closed;
    console.info(`API key websocket closed ${at - revokedAt} ms after the revocation`);
    expect(code).toBe(CloseCode.Unauthorized);
    expect(at - revokedAt).toBeLessThan(1_000);
  });

  it('closes a user websocket within 1 s of a role change (reconnect) and of a deactivation (unauthorized)', async () => {
    const user = await signedInAs(system.gatewayUrl, adminToken, 'VIEWER');
    const first = await openSocket({ authorization: `Bearer ${user.token}` });
    const changedAt = await mutate('mutation ($id: ID!) { updateUserRole(id: $id, role: OPERATOR) { id } }', {
      id: user.id,
    });
    const promoted = await first.closed;
    expect(promoted.code).toBe(CloseCode.Forbidden);
    expect(promoted.at - changedAt).toBeLessThan(1_000);

    const second = await openSocket({ authorization: `Bearer ${user.token}` });
    const deactivatedAt = await mutate('mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id: user.id });
    const deactivated = await second.closed;
    console.info(
      `user websocket closed ${promoted.at - changedAt} ms after a role change, ` +
        `${deactivated.at - deactivatedAt} ms after a deactivation`,
    );
    expect(deactivated.code).toBe(CloseCode.Unauthorized);
    expect(deactivated.at - deactivatedAt).toBeLessThan(1_000);
  });
});
