import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { databaseUnavailability, fromDatabaseError } from '@switchyard/shared';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../../subgraphs/identity/src/generated/prisma/client.ts';

/**
 * The errors Prisma really throws, through the driver adapters the services use, when the database
 * cannot be used right now: each must map to SERVICE_UNAVAILABLE with a retry time (see errors.ts),
 * never to an internal error.
 */
async function errorOf(prisma: PrismaClient, work: (prisma: PrismaClient) => Promise<unknown>): Promise<unknown> {
  try {
    await work(prisma);
  } catch (error) {
    return error;
  } finally {
    await prisma.$disconnect().catch(() => {});
  }
  throw new Error('expected the query to fail');
}

async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function postgresClient(port: number, poolOptions: pg.PoolConfig = {}) {
  const pool = new pg.Pool({ connectionString: `postgresql://postgres@127.0.0.1:${port}/none`, ...poolOptions });
  pool.on('error', () => {});
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

const expectUnavailable = (error: unknown, retryAfterSeconds: number) => {
  expect(databaseUnavailability(error)).toBe(retryAfterSeconds);
  expect(fromDatabaseError(error)?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds });
};

test('a server that refuses connections is unavailable', async () => {
  const closed = createServer();
  const port = await listening(closed);
  await new Promise((resolve) => closed.close(resolve));
  const error = await errorOf(postgresClient(port), (prisma) => prisma.user.count());
  expectUnavailable(error, 5);
});

test('a server that accepts connections but never answers is unavailable once the connect timeout passes', async () => {
  const sockets: Socket[] = [];
  const silent = createServer((socket) => sockets.push(socket));
  const port = await listening(silent);
  try {
    const error = await errorOf(postgresClient(port, { connectionTimeoutMillis: 200 }), (prisma) =>
      prisma.user.count(),
    );
    expectUnavailable(error, 5);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
});

describe('PostgreSQL errors', () => {
  // One in-process PostgreSQL for these cases: starting one takes seconds.
  const pglite = new PGlite();
  afterAll(() => pglite.close());
  const onPGlite = (sql: string) =>
    errorOf(new PrismaClient({ adapter: new PrismaPGlite(pglite) }), (prisma) => prisma.$executeRawUnsafe(sql));

  test.each([
    ['serialization failure', '40001', 1],
    ['deadlock', '40P01', 1],
    ['too many connections', '53300', 5],
    ['server shutting down', '57P01', 5],
  ])('%s (%s) is unavailability', async (_name, sqlState, retryAfterSeconds) => {
    const error = await onPGlite(`DO $$ BEGIN RAISE EXCEPTION 'raised' USING ERRCODE = '${sqlState}'; END $$`);
    expectUnavailable(error, retryAfterSeconds);
  });

  test('a request error is not', async () => {
    expect(databaseUnavailability(await onPGlite('SELECT 1/0'))).toBeUndefined();
  });
});
