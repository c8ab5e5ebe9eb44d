import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { eventually } from '@switchyard/testing/eventually';
import { createNonceStore } from './create-nonce-store.ts';
import { createLogger } from './logger.ts';
import { encodeContext, signRequest, verifyRequest } from './internal-signature.ts';
import { createRedisNonceStore, NONCE_KEY_PREFIX, type RedisNonceStore } from './redis-nonce-store.ts';

// Runs against a real Redis (CI sets TEST_REDIS_URL=redis://127.0.0.1:6379); skipped without one.
const redisUrl = process.env.TEST_REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

describe('createNonceStore without a Redis URL', () => {
  it('is an in-memory store', async () => {
    const store = createNonceStore({});
    const nonce = randomUUID();
    expect(await store.claim(nonce, 60_000)).toBe(true);
    expect(await store.claim(nonce, 60_000)).toBe(false);
    await store.close();
  });
});

describe('Redis nonce store while Redis is away', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((server) => server.close()));
  /** A port that accepts connections and never answers: a hung Redis. */
  const silentPort = async () => {
    const server = createServer(() => {});
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };

  it.each([
    ['refused', async () => 1],
    ['hung', silentPort],
  ])('falls back to this process at once when Redis is %s: a replay is still refused here', async (_how, port) => {
    const store = createRedisNonceStore(`redis://127.0.0.1:${await port()}`, {
      logger: createLogger('test', 'silent'),
    });
    try {
      const nonce = randomUUID();
      const started = performance.now();
      expect(await store.claim(nonce, 60_000)).toBe(true);
      expect(await store.claim(nonce, 60_000)).toBe(false);
      expect(await store.claim(randomUUID(), 60_000)).toBe(true);
      expect(performance.now() - started).toBeLessThan(800);
      expect(await store.redisStatus()).toBe('down');
    } finally {
      await store.close();
    }
  });
});

describeWithRedis('Redis nonce store', () => {
  let admin: Redis;
  const stores: RedisNonceStore[] = [];
  const store = () => {
    const created = createRedisNonceStore(redisUrl!);
    stores.push(created);
    return created;
  };

  beforeAll(() => {
    admin = new Redis(redisUrl!);
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((created) => created.close()));
  });
  afterAll(async () => {
    await admin.quit();
  });

  it('refuses, on another replica, a nonce claimed on one, under a prefixed key with the ttl', async () => {
    const replicaA = store();
    const replicaB = store();
    const nonce = randomUUID();
    expect(await replicaA.claim(nonce, 60_000)).toBe(true);
    expect(await replicaB.claim(nonce, 60_000)).toBe(false);
    expect(await replicaA.claim(nonce, 60_000)).toBe(false);
    expect(await replicaB.claim(randomUUID(), 60_000)).toBe(true);
    expect(await replicaA.redisStatus()).toBe('up');
    const ttl = await admin.pttl(`${NONCE_KEY_PREFIX}${nonce}`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const replicas = [store(), store(), store()];
    const nonce = randomUUID();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => replicas[i % 3]!.claim(nonce, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('allows a re-claim once the ttl has expired', async () => {
    const replicaA = store();
    const replicaB = store();
    const nonce = randomUUID();
    expect(await replicaA.claim(nonce, 100)).toBe(true);
    expect(await replicaB.claim(nonce, 100)).toBe(false);
    expect(await eventually(() => replicaB.claim(nonce, 100), 5_000, 20)).toBe(true);
  });

  it('refuses a replayed gateway signature on another replica', async () => {
    const secret = 's'.repeat(40);
    const context = encodeContext({ principal: null, requestId: 'r1', clientIp: null, userAgent: null });
    const body = '{"query":"{ me { id } }"}';
    const signature = signRequest(secret, context, body);
    expect(await verifyRequest(secret, store(), { context, signature }, body)).toMatchObject({ ok: true });
    expect(await verifyRequest(secret, store(), { context, signature }, body)).toEqual({
      ok: false,
      reason: 'replayed gateway signature',
    });
  });

  it('uses a client passed in and leaves it open on close', async () => {
    const client = new Redis(redisUrl!);
    try {
      const shared = createRedisNonceStore(client, { keyPrefix: `switchyard:test-nonce:${randomUUID()}:` });
      const nonce = randomUUID();
      expect(await shared.claim(nonce, 60_000)).toBe(true);
      expect(await store().claim(nonce, 60_000)).toBe(true); // another prefix, another key
      await shared.close();
      expect(await client.ping()).toBe('PONG');
      expect(await shared.claim(nonce, 60_000)).toBe(false);
    } finally {
      await client.quit();
    }
  });

  it('createNonceStore with a Redis URL shares claims across instances', async () => {
    const first = createNonceStore({ redisUrl: redisUrl! });
    const second = createNonceStore({ redisUrl: redisUrl! });
    try {
      const nonce = randomUUID();
      expect(await first.claim(nonce, 60_000)).toBe(true);
      expect(await second.claim(nonce, 60_000)).toBe(false);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
