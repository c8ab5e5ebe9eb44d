import { startSubgraphForTest, type TestBackend } from '@switchyard/testing';
import { parseCidr } from '@switchyard/shared/ipv4';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { createServer } from '../src/server.ts';

/** The stores subgraph on its own fresh in-memory database, listening on a free port. */
export function startStores(backend: TestBackend = 'pglite') {
  return startSubgraphForTest({
    subgraph: 'stores',
    backend,
    createClient: (adapter) => new PrismaClient({ adapter }),
    createServer,
    // Nothing listens there: completing hardware-allocated is the e2e suite's business, with hardware running.
    config: { subnetPool: parseCidr('10.0.0.0/8')!, hardwareUrl: 'http://127.0.0.1:9/graphql' },
  });
}
