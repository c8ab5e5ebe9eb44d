import { startSubgraphForTest, type TestBackend } from '@switchyard/testing';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { DEFAULT_PASSWORD_MEMORY_KIB } from '../src/domain/passwords.ts';
import { createServer } from '../src/server.ts';

/** The identity subgraph on its own fresh database (in-memory PGlite unless told), listening on a free port. */
export function startIdentity(backend: TestBackend = 'pglite') {
  return startSubgraphForTest({
    subgraph: 'identity',
    backend,
    createClient: (adapter) => new PrismaClient({ adapter }),
    createServer,
    config: {
      tokens: { jwtSecret: 'j'.repeat(64), accessTtlSeconds: 900, refreshTtlSeconds: 3600 },
      loginThrottle: { maxFailures: 3, lockSeconds: 60 },
      passwordHashing: { memoryKib: DEFAULT_PASSWORD_MEMORY_KIB },
    },
  });
}
