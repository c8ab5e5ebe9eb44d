import { randomBytes } from 'node:crypto';
import { startSubgraphForTest, userPrincipal, type TestBackend } from '@switchyard/testing';
import type { Principal } from '@switchyard/shared';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { createServer } from '../src/server.ts';
import type { HardwareConfig } from '../src/config.ts';

const TEST_HUB_SETTINGS: HardwareConfig['hubs'] = {
  timeoutMs: 1_000,
  attempts: 2,
  breakerFailures: 3,
  halfOpenAfterMs: 500,
  pollIntervalMs: 60_000,
  commandTimeoutMs: 2_000,
};

/**
 * The hardware subgraph on its own fresh database, listening on a free port, without the
 * reconciliation timer (tests poll by hand). Hubs must reach it for their postURL, which is known
 * only once it listens: the config's publicUrl is filled in then.
 */
export async function startHardware(
  options: {
    backend?: TestBackend;
    hubs?: Partial<HardwareConfig['hubs']>;
    events?: Partial<HardwareConfig['events']>;
  } = {},
) {
  const config = {
    encryptionKeyHex: randomBytes(32).toString('hex'),
    publicUrl: '',
    hubs: { ...TEST_HUB_SETTINGS, ...options.hubs },
    events: { dedupeWindowMs: 10_000, queueLimit: 5_000, ...options.events },
  };
  const hardware = await startSubgraphForTest({
    subgraph: 'hardware',
    backend: options.backend,
    createClient: (adapter) => new PrismaClient({ adapter }),
    createServer,
    config,
  });
  config.publicUrl = hardware.baseUrl;
  return {
    ...hardware,
    /** A GraphQL call signed as the gateway would, as an admin unless another principal is given. */
    call: (
      query: string,
      variables: Record<string, unknown> = {},
      principal: Principal | null = userPrincipal('ADMIN'),
    ) => hardware.call(principal, query, variables),
  };
}

export type HardwareUnderTest = Awaited<ReturnType<typeof startHardware>>;

export const REGISTER_HUB = `mutation ($input: RegisterHubInput!) {
  registerHub(input: $input) { id name status mode devices { id hubDeviceId label capabilities commands { name arguments } attributes { name value } } }
}`;
