import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { CircuitBreakerSnapshot } from '../circuit-breakers.ts';
import { createInternalClient } from '../internal-client.ts';
import { authenticateRoute, callAuthenticate, mountAuthenticateRoute } from './authenticate.ts';
import { fetchCircuitBreakers, mountCircuitBreakersRoute } from './circuit-breakers.ts';
import { eventFeedRoute, fetchEventFeed, mountEventFeedRoute } from './event-feed.ts';
import { fetchHardwareSummary, mountHardwareSummaryRoute } from './hardware-summary.ts';
import { fetchHubs, mountHubsRoute } from './hubs.ts';
import { lookupUsers, mountUsersLookupRoute } from './users-lookup.ts';

const context = { principal: null, requestId: 'routes-test', clientIp: null, userAgent: null };
const USER = '2f1c7a38-5d0e-4a61-9d43-0b1f3c9e6a11';
const SESSION = '7d9e2b54-1c3f-4e8a-b6d0-5a4c3e2f1b00';
const principal = {
  kind: 'user',
  userId: USER,
  role: 'ADMIN',
  scopes: null,
  sessionId: SESSION,
  apiKeyId: null,
} as const;
const event = {
  id: 'e1',
  type: 'StoreOpened',
  aggregateType: 'Store',
  aggregateId: 's1',
  sequence: 1,
  occurredAt: '2026-05-01T10:00:00.000Z',
  actor: null,
  payload: { name: 'North' },
};

// The routes are served and called here without the signature check, which each server adds in front.
describe('the internal routes, served and called through their contracts', () => {
  const client = createInternalClient({ internalSigningSecret: 'x'.repeat(32), timeoutMs: 5_000 });
  let server: Server;
  let baseUrl: string;
  const asked: { feed?: [Date, number]; storeId?: string } = {};
  let answer: (req: express.Request, res: express.Response) => void;
  let breakers: CircuitBreakerSnapshot[] = [];

  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    mountAuthenticateRoute(app, async (credential) => ('apiKey' in credential ? null : principal));
    mountUsersLookupRoute(app, async (ids) =>
      ids.map((id) => ({ id, email: `${id.slice(0, 4)}@example.test`, displayName: 'Ann', deactivatedAt: null })),
    );
    mountHardwareSummaryRoute(app, async (storeId) => {
      asked.storeId = storeId;
      return { allocatedAssets: 2, hubs: 1, devices: 7 };
    });
    mountHubsRoute(app, async () => [
      { id: 'h1', name: 'Front', status: 'ONLINE', lastSeenAt: new Date('2026-05-01T10:00:00.000Z') },
      { id: 'h2', name: 'Back', status: 'OFFLINE', lastSeenAt: null },
    ]);
    mountEventFeedRoute(app, async (after, limit) => {
      asked.feed = [after, limit];
      return [event];
    });
    mountCircuitBreakersRoute(app, () => breakers);
    app.get('/broken/internal/circuit-breakers', (req, res) => answer(req, res));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await client.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('authenticates a session to its principal and a refused key to null; a malformed credential is a 400', async () => {
    expect(await callAuthenticate(client, `${baseUrl}/graphql`, context, { sessionId: SESSION, userId: USER })).toEqual(
      principal,
    );
    expect(await callAuthenticate(client, baseUrl, context, { apiKey: 'sy_revoked' })).toBeNull();
    await expect(
      client.callJson(`${baseUrl}${authenticateRoute.path}`, context, { sessionId: 'not a uuid', userId: USER }),
    ).rejects.toThrow(/400/);
  });

  it('looks users up with their public fields only', async () => {
    expect(await lookupUsers(client, baseUrl, context, [USER])).toEqual([
      { id: USER, email: '2f1c@example.test', displayName: 'Ann' },
    ]);
    await expect(lookupUsers(client, baseUrl, context, ['nope'])).rejects.toThrow(/400/);
  });

  it("summarises a store's hardware, whatever characters its id has", async () => {
    expect(await fetchHardwareSummary(client, baseUrl, context, 'store/1 ü')).toEqual({
      allocatedAssets: 2,
      hubs: 1,
      devices: 7,
    });
    expect(asked.storeId).toBe('store/1 ü');
  });

  it('lists hubs with when each was last seen', async () => {
    expect(await fetchHubs(client, baseUrl, context)).toEqual([
      { id: 'h1', name: 'Front', status: 'ONLINE', lastSeenAt: '2026-05-01T10:00:00.000Z' },
      { id: 'h2', name: 'Back', status: 'OFFLINE', lastSeenAt: null },
    ]);
  });

  it('serves the event feed after a time, up to a limit, and refuses a malformed query', async () => {
    const after = '2026-04-30T00:00:00.000Z';
    expect(await fetchEventFeed(client, baseUrl, context, { after, limit: 20 })).toEqual([event]);
    expect(asked.feed).toEqual([new Date(after), 20]);
    await expect(client.callJson(`${baseUrl}${eventFeedRoute.path}?limit=5000`, context)).rejects.toThrow(/400/);
  });

  it('lists every breaker, since its last change or, for one that never changed, since it was made', async () => {
    const createdAt = new Date('2026-05-01T10:00:00.000Z');
    const changedAt = new Date('2026-05-01T10:05:00.000Z');
    breakers = [
      { service: 'hardware', name: 'hubitat-hub:1', state: 'CLOSED', failures: 2, changedAt: null, createdAt },
      { service: 'hardware', name: 'hubitat-hub:2', state: 'OPEN', failures: 5, changedAt, createdAt },
    ];
    const before = Date.now();
    const list = await fetchCircuitBreakers(client, baseUrl, context);
    expect(Date.parse(list.at)).toBeGreaterThanOrEqual(before - 1);
    expect(list.breakers).toEqual([
      { service: 'hardware', name: 'hubitat-hub:1', state: 'CLOSED', failures: 2, since: createdAt.toISOString() },
      { service: 'hardware', name: 'hubitat-hub:2', state: 'OPEN', failures: 5, since: changedAt.toISOString() },
    ]);
  });

  it('fails the caller on an answer that is not the contract', async () => {
    answer = (_req, res) => void res.json({ at: 'yesterday', breakers: [] });
    await expect(fetchCircuitBreakers(client, `${baseUrl}/broken`, context)).rejects.toThrow(/at/);
    answer = (_req, res) => void res.status(503).end();
    await expect(fetchCircuitBreakers(client, `${baseUrl}/broken`, context)).rejects.toThrow(/503/);
  });
});
