import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PrismaClient } from '../../subgraphs/identity/src/generated/prisma/client.ts';
import { dropDatabase, openSubgraphDatabase, subgraphDatabaseUrl, type SubgraphDatabase } from '../src/index.ts';
import { CONNECT_TIMEOUT_MS } from '../src/postgres-database.ts';

const migrationNames = (
  await readdir(fileURLToPath(new URL('../identity/migrations', import.meta.url)), { withFileTypes: true })
)
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

async function appliedMigrations(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
  return rows.map((row) => row.migration_name);
}

async function withClient<T>(database: SubgraphDatabase, work: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const prisma = new PrismaClient({ adapter: database.adapter });
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

function newUser(email: string) {
  return { email, displayName: 'Ada', role: 'ADMIN' as const, passwordHash: 'not-a-real-hash' };
}

describe('embedded PGlite', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchyard-prisma-test-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('a new data directory is created and fully migrated, and the client works on it', async () => {
    const logs: string[] = [];
    const database = await openSubgraphDatabase({ subgraph: 'identity', dataDir, log: (line) => logs.push(line) });
    try {
      expect(database.kind).toBe('pglite');
      expect((await stat(join(dataDir, 'identity', 'pglite', 'PG_VERSION'))).isFile()).toBe(true);
      expect(logs).toEqual(migrationNames.map((name) => `identity: applied ${name}`));
      await database.ping();
      await withClient(database, async (prisma) => {
        expect(await appliedMigrations(prisma)).toEqual(migrationNames);
        const created = await prisma.user.create({ data: newUser('ada@example.com') });
        const found = await prisma.user.findUnique({ where: { email: 'ada@example.com' } });
        expect(found).toMatchObject({ id: created.id, displayName: 'Ada', role: 'ADMIN' });
      });
    } finally {
      await database.close();
    }
    await expect(database.ping()).rejects.toThrow();
  }, 60_000);

  test('reopening applies nothing and keeps the data', async () => {
    const logs: string[] = [];
    const database = await openSubgraphDatabase({ subgraph: 'identity', dataDir, log: (line) => logs.push(line) });
    try {
      expect(logs).toEqual([]);
      await withClient(database, async (prisma) => {
        expect(await appliedMigrations(prisma)).toEqual(migrationNames);
        expect(await prisma.user.findUnique({ where: { email: 'ada@example.com' } })).toMatchObject({
          displayName: 'Ada',
        });
      });
    } finally {
      await database.close();
    }
  }, 60_000);

  test('openers in one process share the instance until the last one closes', async () => {
    const [first, second] = await Promise.all([
      openSubgraphDatabase({ subgraph: 'identity', dataDir }),
      openSubgraphDatabase({ subgraph: 'identity', dataDir }),
    ]);
    await first.close();
    await second.ping();
    await withClient(second, async (prisma) => {
      await prisma.user.create({ data: newUser('grace@example.com') });
      expect(await prisma.user.count()).toBe(2);
    });
    await second.close();
    await expect(second.ping()).rejects.toThrow();
  }, 60_000);

  test('another process cannot open a data directory that is in use', async () => {
    const database = await openSubgraphDatabase({ subgraph: 'identity', dataDir });
    try {
      const script = `
        import { openSubgraphDatabase } from ${JSON.stringify(fileURLToPath(new URL('../src/index.ts', import.meta.url)))};
        await openSubgraphDatabase({ subgraph: 'identity', dataDir: ${JSON.stringify(dataDir)} });`;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      });
      expect(child.status).not.toBe(0);
      expect(child.stderr).toContain(`is in use by process ${process.pid}`);
      await database.ping();
    } finally {
      await database.close();
    }
  }, 60_000);

  test("'memory://' gives a fresh migrated database on every open", async () => {
    for (let round = 0; round < 2; round += 1) {
      const database = await openSubgraphDatabase({ subgraph: 'identity', dataDir: 'memory://' });
      try {
        await withClient(database, async (prisma) => {
          expect(await appliedMigrations(prisma)).toEqual(migrationNames);
          expect(await prisma.user.count()).toBe(0);
          await prisma.user.create({ data: newUser('ada@example.com') });
        });
      } finally {
        await database.close();
      }
    }
  }, 60_000);
});

test('an unreachable PostgreSQL server fails with a message naming the subgraph and server', async () => {
  await expect(
    openSubgraphDatabase({
      subgraph: 'identity',
      databaseUrl: 'postgresql://postgres:s3cret@127.0.0.1:1/nowhere',
      dataDir: 'unused',
    }),
  ).rejects.toThrow(/^identity: cannot open database "nowhere" on 127\.0\.0\.1:1: .*ECONNREFUSED/);
});

const testDatabaseUrl = process.env.TEST_DATABASE_URL;
const describePostgres = testDatabaseUrl ? describe : describe.skip;

describePostgres('PostgreSQL (TEST_DATABASE_URL)', () => {
  const baseUrl = testDatabaseUrl ?? '';
  const created: string[] = [];

  function freshDatabaseUrl(): string {
    const url = subgraphDatabaseUrl(
      baseUrl,
      `test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`,
    );
    created.push(url);
    return url;
  }

  async function databaseExists(url: string): Promise<boolean> {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      return rowCount === 1;
    } finally {
      await client.end();
    }
  }

  afterAll(async () => {
    for (const url of created) await dropDatabase(url);
  });

  test('a fresh database is created, migrated, used and dropped', async () => {
    const url = freshDatabaseUrl();
    const logs: string[] = [];
    const database = await openSubgraphDatabase({
      subgraph: 'identity',
      databaseUrl: url,
      dataDir: 'unused',
      poolMax: 2,
      log: (line) => logs.push(line),
    });
    try {
      expect(database.kind).toBe('postgresql');
      expect(logs[0]).toMatch(/^identity: created database "[^"]+_test_\w+" on /);
      expect(logs.slice(1)).toEqual(migrationNames.map((name) => `identity: applied ${name}`));
      await database.ping();
      await withClient(database, async (prisma) => {
        expect(await appliedMigrations(prisma)).toEqual(migrationNames);
        const created = await prisma.user.create({ data: newUser('ada@example.com') });
        expect(await prisma.user.findUnique({ where: { email: 'ada@example.com' } })).toMatchObject({ id: created.id });
      });
    } finally {
      await database.close();
    }

    const logsOnReopen: string[] = [];
    const reopened = await openSubgraphDatabase({
      subgraph: 'identity',
      databaseUrl: url,
      dataDir: 'unused',
      log: (line) => logsOnReopen.push(line),
    });
    try {
      expect(logsOnReopen).toEqual([]);
      await withClient(reopened, async (prisma) => expect(await prisma.user.count()).toBe(1));
    } finally {
      await reopened.close();
    }

    expect(await databaseExists(url)).toBe(true);
    await dropDatabase(url);
    expect(await databaseExists(url)).toBe(false);
  }, 60_000);

  test('dropDatabase terminates open connections first', async () => {
    const url = freshDatabaseUrl();
    const database = await openSubgraphDatabase({ subgraph: 'identity', databaseUrl: url, dataDir: 'unused' });
    await database.ping();
    await dropDatabase(url);
    expect(await databaseExists(url)).toBe(false);
    await expect(database.ping()).rejects.toThrow();
    await database.close();
  }, 60_000);

  test('replicas opening one fresh database at once both succeed and migrate it once', async () => {
    const url = freshDatabaseUrl();
    const logs: string[] = [];
    const open = () =>
      openSubgraphDatabase({
        subgraph: 'identity',
        databaseUrl: url,
        dataDir: 'unused',
        log: (line) => logs.push(line),
      });
    const databases = await Promise.all([open(), open(), open()]);
    try {
      expect(logs.filter((line) => line.includes(': created database'))).toHaveLength(1);
      expect(logs.filter((line) => line.includes(': applied '))).toEqual(
        migrationNames.map((name) => `identity: applied ${name}`),
      );
      for (const database of databases) await database.ping();
      await withClient(databases[0]!, async (prisma) => {
        const rows = await prisma.$queryRaw<
          { migration_name: string }[]
        >`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`;
        expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
      });
    } finally {
      await Promise.all(databases.map((database) => database.close()));
    }
  }, 60_000);
});

describe('a PostgreSQL server that accepts connections but never answers', () => {
  test('opening fails once the connect timeout passes, naming the database', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      await expect(
        openSubgraphDatabase({
          subgraph: 'identity',
          databaseUrl: `postgresql://postgres@127.0.0.1:${port}/switchyard_identity`,
          dataDir: 'unused',
        }),
      ).rejects.toThrow(
        `identity: cannot open database "switchyard_identity" on 127.0.0.1:${port}: no answer within ${CONNECT_TIMEOUT_MS / 1000} s`,
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 60_000);
});
