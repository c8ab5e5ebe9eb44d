import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createLogger } from '@switchyard/shared';
import { createRedisPersistedQueryCache } from './persisted-query-cache.ts';

// Runs against a real Redis (CI sets TEST_REDIS_URL=redis://127.0.0.1:6379); skipped without one.
const redisUrl = process.env.TEST_REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;
const logger = createLogger('test', 'silent');

describeWithRedis('persisted queries in Redis', () => {
  it('are shared by every cache on the same Redis, with the TTL Apollo asks for', async () => {
    const [one, other] = [
      createRedisPersistedQueryCache({ redisUrl: redisUrl!, logger }),
      createRedisPersistedQueryCache({ redisUrl: redisUrl!, logger }),
    ];
    try {
      const key = `apq:${randomUUID()}`;
      await one.set(key, '{ __typename }', { ttl: 60 });
      expect(await other.get(key)).toBe('{ __typename }');
      const admin = new Redis(redisUrl!);
      try {
        const ttl = await admin.ttl(`switchyard:gateway:${key}`);
        expect(ttl).toBeGreaterThan(50);
        expect(ttl).toBeLessThanOrEqual(60);
      } finally {
        admin.disconnect();
      }
      expect(await other.delete(key)).toBe(true);
      expect(await one.get(key)).toBeUndefined();
    } finally {
      await Promise.all([one.close(), other.close()]);
    }
  });
});
