import { createServer, type Server } from 'node:http';
import { listen } from '@switchyard/testing';
import { createServiceApp } from './http.ts';
import { createInternalClient } from './internal-client.ts';
import { createMemoryNonceStore } from './internal-signature.ts';
import { createLogger } from './logger.ts';
import { fetchMetrics, metricsAccess } from './metrics-access.ts';
import { createMetrics } from './metrics.ts';

const SECRET = 'internal-signing-secret-of-at-least-32-chars';
const TOKEN = 'metrics-token-of-at-least-32-characters';

describe.each([
  ['with a METRICS_TOKEN', TOKEN],
  ['without one', undefined],
])('/metrics %s', (_, token) => {
  let server: Server;
  let base: string;
  const client = createInternalClient({ internalSigningSecret: SECRET, timeoutMs: 2_000 });
  const get = (headers: Record<string, string> = {}) => fetch(`${base}/metrics`, { headers });

  beforeAll(async () => {
    const app = createServiceApp({
      logger: createLogger('test', 'silent'),
      metrics: createMetrics('test'),
      metricsAccess: metricsAccess({ internalSigningSecret: SECRET, nonces: createMemoryNonceStore(), token }),
      ready: async () => {},
    });
    server = createServer(app);
    base = await listen(server);
  });
  afterAll(async () => {
    await client.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers the internal signature', async () => {
    expect(await fetchMetrics(client, base, 'test')).toMatch(/^process_resident_memory_bytes/m);
  });

  it('refuses anyone else with 401', async () => {
    expect((await get()).status).toBe(401);
    expect((await get({ authorization: 'Bearer wrong-token-of-at-least-32-characters' })).status).toBe(401);
  });

  it('answers the bearer token only when one is configured', async () => {
    expect((await get({ authorization: `Bearer ${TOKEN}` })).status).toBe(token ? 200 : 401);
  });
});
