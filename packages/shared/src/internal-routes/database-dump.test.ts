import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createInternalClient } from '../internal-client.ts';
import { requireInternalSignature } from '../internal-signature-middleware.ts';
import { createMemoryNonceStore } from '../internal-signature.ts';
import { createLogger } from '../logger.ts';
import { databaseDumpRoute, mountDatabaseDumpRoute, requestDatabaseDump, type DatabaseDump } from './database-dump.ts';

const SECRET = 's'.repeat(32);
const context = { principal: null, requestId: 'dump-test', clientIp: null, userAgent: null };
const logger = createLogger('test', 'silent');

async function readAll(body: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of body) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

describe('the database dump route', () => {
  const client = createInternalClient({ internalSigningSecret: SECRET, timeoutMs: 5_000 });
  let server: Server;
  let baseUrl: string;
  let dump: DatabaseDump;

  beforeAll(async () => {
    const app = express();
    app.use((req, _res, next) => {
      req.log = logger;
      next();
    });
    app.use(requireInternalSignature(SECRET, createMemoryNonceStore()));
    mountDatabaseDumpRoute(app, (sink) => dump(sink), logger);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await client.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('streams every chunk the dump writes, in order, to a signed caller only', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `{"n":${i},"text":"${'ü'.repeat(20)}"}\n`);
    dump = async (sink) => {
      for (let i = 0; i < lines.length; i += 100) await sink(lines.slice(i, i + 100).join(''));
    };
    expect(await readAll(await requestDatabaseDump(client, baseUrl, context))).toBe(lines.join(''));
    expect((await fetch(`${baseUrl}${databaseDumpRoute.path}`)).status).toBe(401);
  });

  it('cuts the stream when the dump fails halfway, so the caller cannot take it for complete', async () => {
    dump = async (sink) => {
      await sink('["header"]\n'.repeat(10_000));
      throw new Error('database went away');
    };
    const body = await requestDatabaseDump(client, baseUrl, context);
    await expect(readAll(body)).rejects.toThrow();
  });

  it('answers a failure before the first chunk with an error status', async () => {
    dump = async () => {
      throw new Error('cannot start a transaction');
    };
    await expect(requestDatabaseDump(client, baseUrl, context)).rejects.toThrow(/answered HTTP 500/);
  });
});
