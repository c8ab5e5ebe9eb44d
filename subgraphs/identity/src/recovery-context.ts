import { createMailer, type Mailer } from '@switchyard/shared/mail';
import type { Logger } from '@switchyard/shared';
import type { IdentityConfig } from './config.ts';
import { createAccountLinkRepository } from './data/account-link-repository.ts';
import { createInvitationRepository } from './data/invitation-repository.ts';
import type { LoginThrottleRepository, UserRepository } from './data/repositories.ts';
import { createUserLifecycleRepository } from './data/user-lifecycle-repository.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { createAccountLifecycle } from './services/account-lifecycle.ts';
import { createAccountMailer } from './services/account-mailer.ts';
import type { AuthService } from './services/auth-service.ts';
import { createInvitations } from './services/invitations.ts';
import { createPasswordReset } from './services/password-reset.ts';

/**
 * Password reset, invitations and the account lifecycle, wired from identity's deps (beside
 * context.ts, which spreads them into the services).
 */
export function createRecoveryServices(
  deps: {
    db: PrismaClient;
    logger: Logger;
    relay: { nudge: () => void };
    config: Pick<IdentityConfig, 'mail' | 'publicUrl' | 'recovery' | 'passwordHashing' | 'loginThrottle'>;
    mailer?: Mailer;
  },
  shared: { users: UserRepository; throttle: LoginThrottleRepository; startSession: AuthService['startSession'] },
) {
  const { db, config, logger } = deps;
  const mail = createAccountMailer(
    deps.mailer ??
      createMailer({ service: 'identity', ...config.mail, breaker: { failures: 5, halfOpenAfterMs: 60_000 } }),
    logger,
  );
  const recovery = {
    ...shared,
    links: createAccountLinkRepository(db, deps.relay.nudge),
    invitations: createInvitationRepository(db),
    lifecycle: createUserLifecycleRepository(db),
    mail,
    config,
  };
  return {
    accountMail: mail,
    passwordReset: createPasswordReset(recovery),
    invitations: createInvitations(recovery),
    accountLifecycle: createAccountLifecycle(recovery),
  };
}
