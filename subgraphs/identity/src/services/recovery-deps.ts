import { RateLimitedError, type Principal } from '@switchyard/shared';
import type { IdentityConfig } from '../config.ts';
import type {
  AccountLinkRepository,
  InvitationRepository,
  LoginThrottleRepository,
  UserLifecycleRepository,
  UserRepository,
} from '../data/repositories.ts';
import { linkAttemptRule } from '../domain/recovery-throttle.ts';
import type { SecurityEventInput } from '../domain/security-events.ts';
import type { AccountMailer } from './account-mailer.ts';

/** What the password-reset, invitation and account-lifecycle services are built from. */
export interface RecoveryDeps {
  users: UserRepository;
  links: AccountLinkRepository;
  invitations: InvitationRepository;
  lifecycle: UserLifecycleRepository;
  throttle: LoginThrottleRepository;
  mail: AccountMailer;
  config: Pick<IdentityConfig, 'recovery' | 'publicUrl' | 'passwordHashing' | 'loginThrottle'>;
  now?: () => Date;
}

/** Who asks and from where, as the gateway forwarded it. */
export interface Caller {
  principal: Principal | null;
  clientIp: string | null;
  userAgent: string | null;
}

/** The security-log fields every event of a request shares. */
export function eventOf(caller: Caller): Pick<SecurityEventInput, 'actor' | 'origin'> {
  return {
    actor: caller.principal ? { userId: caller.principal.userId, apiKeyId: caller.principal.apiKeyId } : null,
    origin: { ipAddress: caller.clientIp, userAgent: caller.userAgent },
  };
}

/** RATE_LIMITED while a client address waits; every token tried costs an attempt, and a right one clears the count. */
export async function claimLinkAttempt(throttle: LoginThrottleRepository, caller: Caller, at: Date) {
  const rule = linkAttemptRule(caller.clientIp);
  const wait = await throttle.claim([rule], at);
  if (wait > 0) throw new RateLimitedError(`Too many attempts; try again in ${wait} seconds`, wait);
  return { release: () => throttle.release([rule]) };
}
