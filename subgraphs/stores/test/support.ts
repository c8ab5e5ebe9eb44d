import { randomBytes } from 'node:crypto';
import { startSubgraphForTest } from '@switchyard/shared/testing';
import { parseCidr } from '../src/domain/ipv4.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { createServer } from '../src/server.ts';

/** The stores subgraph on its own fresh in-memory database, listening on a free port. */
export function startStores() {
  return startSubgraphForTest({
    subgraph: 'stores',
    createClient: (adapter) => new PrismaClient({ adapter }),
    createServer,
    // Nothing listens there: completing hardware-allocated is the e2e suite's business, with hardware running.
    config: { subnetPool: parseCidr('10.0.0.0/8')!, hardwareUrl: 'http://127.0.0.1:9/graphql' },
  });
}

let counter = 0;

/** createStore input with a unique name and, optionally, a network in 172.16.0.0/12 (outside the demo pool). */
export function storeInput(overrides: Record<string, unknown> = {}, withNetwork = false) {
  counter += 1;
  const third = counter % 256;
  const second = 16 + Math.floor(counter / 256);
  return {
    name: `Test store ${counter} ${randomBytes(3).toString('hex')}`,
    type: 'STANDARD',
    address: { line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    timezone: 'Europe/Berlin',
    ...(withNetwork
      ? { network: { vlanId: 10, subnet: `172.${second}.${third}.0/24`, gateway: `172.${second}.${third}.1`, dhcpRange: { start: `172.${second}.${third}.100`, end: `172.${second}.${third}.200` } } }
      : {}),
    ...overrides,
  };
}
