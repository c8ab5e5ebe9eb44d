import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSubgraphForTest, type TestBackend } from '@switchyard/testing';
import type { IdentityConfig } from '../src/config.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { DEFAULT_PASSWORD_MEMORY_KIB } from '../src/domain/passwords.ts';
import { createServer } from '../src/server.ts';

export const TEST_PUBLIC_URL = 'http://switchyard.test';

export interface IdentityTestOptions {
  backend?: TestBackend;
  twoFactor?: IdentityConfig['twoFactor'];
  recovery?: Partial<IdentityConfig['recovery']>;
}

/**
 * The identity subgraph on its own fresh database (in-memory PGlite unless told), listening on a
 * free port. Its mail is written as .eml files under `mailDir`, a fresh directory.
 */
export async function startIdentity({
  backend = 'pglite',
  twoFactor = { requiredForAdmins: false, encryptionKey: null },
  recovery,
}: IdentityTestOptions = {}) {
  const mailDir = mkdtempSync(path.join(tmpdir(), 'identity-mail-'));
  const identity = await startSubgraphForTest({
    subgraph: 'identity',
    backend,
    createClient: (adapter) => new PrismaClient({ adapter }),
    createServer,
    config: {
      tokens: { jwtSecret: 'j'.repeat(64), accessTtlSeconds: 900, refreshTtlSeconds: 3600 },
      loginThrottle: { maxFailures: 3, lockSeconds: 60 },
      passwordHashing: { memoryKib: DEFAULT_PASSWORD_MEMORY_KIB },
      twoFactor,
      publicUrl: TEST_PUBLIC_URL,
      mail: { smtpUrl: null, from: 'identity@example.test', outboxDir: mailDir },
      recovery: {
        passwordResetTtlSeconds: 1800,
        resetsPerAccount: 3,
        resetsPerClient: 20,
        invitationTtlSeconds: 7 * 86_400,
        emailChangeTtlSeconds: 86_400,
        ...recovery,
      },
    },
  });
  return { ...identity, mailDir };
}
