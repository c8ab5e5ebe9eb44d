import type DataLoader from 'dataloader';
import {
  eventStream,
  loaderById,
  type DomainEvent,
  type ReplayPoint,
  type RequestScope,
  type SubgraphRuntime,
} from '@switchyard/shared';
import { SESSION_AGGREGATE, type SessionRevokedPayload } from './domain/session-events.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { createApiKeyRepository } from './data/api-key-repository.ts';
import { createLoginThrottleRepository } from './data/login-throttle-repository.ts';
import { createRevocationFeed } from './data/revocation-feed.ts';
import { createSecurityLogRepository } from './data/security-log-repository.ts';
import { createSessionRepository } from './data/session-repository.ts';
import { createTwoFactorRepository } from './data/two-factor-repository.ts';
import { createUserRepository } from './data/user-repository.ts';
import type { User } from './domain/types.ts';
import { createApiKeyService } from './services/api-key-service.ts';
import { createAuthService } from './services/auth-service.ts';
import { createSessionService } from './services/sessions.ts';
import { createTwoFactorService } from './services/two-factor.ts';
import { createUserAdmin } from './services/user-admin.ts';
import type { IdentityConfig } from './config.ts';
import type { Mailer } from '@switchyard/shared/mail';
import { createRecoveryServices } from './recovery-context.ts';

/** What identity's services are built from: the shared runtime plus its own database and config. */
export interface IdentityDeps extends SubgraphRuntime {
  db: PrismaClient;
  config: Pick<IdentityConfig, 'tokens' | 'loginThrottle' | 'passwordHashing' | 'twoFactor'>;
}

/** What the reset, invitation and email-change mails need; tests may give a mailer of their own. */
export interface IdentityMailDeps {
  config: Pick<IdentityConfig, 'mail' | 'publicUrl' | 'recovery'>;
  mailer?: Mailer;
}

/** Long-lived services built once per process from the deps. */
export function createServices(deps: IdentityDeps & IdentityMailDeps) {
  const { db, config, bus, relay } = deps;
  const users = createUserRepository(db, relay.nudge);
  const apiKeys = createApiKeyRepository(db, relay.nudge);
  const throttle = createLoginThrottleRepository(db);
  const twoFactor = createTwoFactorService({ repo: createTwoFactorRepository(db), users, throttle, config });
  const sessions = createSessionRepository(db, relay.nudge);
  const securityLog = createSecurityLogRepository(db, relay.nudge);
  const auth = createAuthService({
    users,
    apiKeys,
    sessions,
    throttle,
    securityLog,
    config,
    twoFactor,
  });
  const sessionEvents = (from: ReplayPoint | null, accept: (event: DomainEvent<SessionRevokedPayload>) => boolean) =>
    eventStream({ bus, outbox: db, aggregateType: SESSION_AGGREGATE, from, accept });
  return {
    users,
    auth,
    twoFactor,
    userAdmin: createUserAdmin(users, undefined, config.passwordHashing.memoryKib),
    apiKeyService: createApiKeyService(apiKeys, config.tokens.jwtSecret),
    sessionEvents,
    revocations: createRevocationFeed(db),
    ...createRecoveryServices(deps, { users, throttle, startSession: auth.startSession }),
    sessionService: createSessionService(sessions),
    securityLog,
  };
}

export type IdentityServices = ReturnType<typeof createServices>;

export interface Context extends RequestScope, IdentityServices {
  loaders: { userById: DataLoader<string, User | null> };
}

export function createContext(scope: RequestScope, services: IdentityServices): Context {
  return {
    ...scope,
    ...services,
    loaders: {
      userById: loaderById(services.users.findManyByIds),
    },
  };
}
