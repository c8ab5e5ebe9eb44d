import type { GraphQLError } from 'graphql';
import {
  RateLimitedError,
  credentialKey,
  type Authenticator,
  type CredentialRequest,
  type CredentialRevocation,
  type Logger,
  type Principal,
  type RevokedSubject,
} from '@switchyard/shared';

/** Why a long-lived connection (a websocket, an event stream) must end. */
export type CredentialEnd = 'revoked' | 'expired' | 'permissionsChanged';

export type RenewOutcome = 'renewed' | 'otherUser' | 'permissionsChanged';

/** One connection's place in the watch: its credential, checked again with every other of its user. */
export interface CredentialLease {
  readonly principal: Principal;
  /** Resolves once, when the credential stops being good enough for this connection. */
  readonly ended: Promise<CredentialEnd>;
  /**
   * Swaps in a fresher credential of the same user (a refreshed access token) that has already
   * been authenticated. Another user's credential is refused; other permissions end the lease.
   */
  renew(credential: CredentialRequest, principal: Principal): RenewOutcome;
  /** The connection closed: frees its place. */
  release(): void;
}

export interface CredentialWatchOptions {
  /**
   * Asked again about each distinct credential every interval. It answers from its cache only while
   * identity does not answer (then SERVICE_UNAVAILABLE without one, which keeps the connection).
   */
  authenticate: Authenticator;
  logger: Logger;
  /** Websockets and event streams together, per user (an API key counts for its owner). */
  maxConnectionsPerUser: number;
  recheckIntervalMs: number;
}

const RECHECK_CONCURRENCY = 8;

// A client refused for too many connections may try again once one of its others has closed.
const RETRY_AFTER_SECONDS = 5;

interface Lease extends CredentialLease {
  credential: CredentialRequest;
  principal: Principal;
  end(reason: CredentialEnd): void;
}

/**
 * The one place long-lived connections are held to their credential, whatever their transport:
 * a per-user connection limit, and a re-check of every live credential each interval (one
 * identity call per distinct credential, however many connections share it). A revoked
 * credential ends its connections, an expired access token ends them as renewable, a changed
 * role or scope set ends them so the client reconnects with its new permissions.
 */
export function createCredentialWatch(options: CredentialWatchOptions) {
  const { authenticate, logger, maxConnectionsPerUser } = options;
  const byUser = new Map<string, Set<Lease>>();
  const checking = new Set<string>();

  function open(credential: CredentialRequest, principal: Principal): CredentialLease {
    const leases = byUser.get(principal.userId) ?? new Set<Lease>();
    if (leases.size >= maxConnectionsPerUser) {
      throw new RateLimitedError(
        `Too many connections (at most ${maxConnectionsPerUser} per user, websockets and event streams together)`,
        RETRY_AFTER_SECONDS,
      );
    }
    byUser.set(principal.userId, leases);
    let resolveEnded!: (reason: CredentialEnd) => void;
    const ended = new Promise<CredentialEnd>((resolve) => (resolveEnded = resolve));
    let held = true;
    // An API key that expires (or a rotated-out secret whose grace ends) ends its connections then,
    // not at the next re-check.
    // Re-armed until the wall clock (what identity compares the expiry with) has passed it.
    let expiry: NodeJS.Timeout | undefined;
    const endAtExpiry = (expiresAt: number) => {
      const left = expiresAt - Date.now();
      if (left <= 0) return lease.end('revoked');
      expiry = setTimeout(() => endAtExpiry(expiresAt), left);
      expiry.unref();
    };
    const release = () => {
      if (!held) return;
      held = false;
      clearTimeout(expiry);
      leases.delete(lease);
      if (leases.size === 0 && byUser.get(principal.userId) === leases) byUser.delete(principal.userId);
    };
    const lease: Lease = {
      credential,
      principal,
      ended,
      end(reason) {
        if (!held) return;
        release();
        resolveEnded(reason);
      },
      renew(fresh, freshPrincipal) {
        if (freshPrincipal.userId !== lease.principal.userId) return 'otherUser';
        if (!samePermissions(lease.principal, freshPrincipal)) {
          lease.end('permissionsChanged');
          return 'permissionsChanged';
        }
        lease.credential = fresh;
        lease.principal = freshPrincipal;
        return 'renewed';
      },
      release,
    };
    leases.add(lease);
    if (principal.expiresAt) endAtExpiry(Date.parse(principal.expiresAt));
    return lease;
  }

  /** Checks each distinct live credential once; a check still running from the last round is not repeated. */
  async function recheck(): Promise<void> {
    const groups = new Map<string, Lease[]>();
    for (const leases of byUser.values()) {
      for (const lease of leases) {
        const key = credentialKey(lease.credential);
        const group = groups.get(key);
        if (group) group.push(lease);
        else groups.set(key, [lease]);
      }
    }
    const due = [...groups].filter(([key]) => !checking.has(key));
    // A few at a time: thousands of users' credentials asked at once would swamp identity (and
    // the gateway's own event loop) every interval, and delay everything else both do meanwhile.
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const [key, leases] = due[next++]!;
        await recheckCredential(key, leases);
      }
    };
    await Promise.all(Array.from({ length: Math.min(RECHECK_CONCURRENCY, due.length) }, worker));
  }

  async function recheckCredential(key: string, leases: Lease[]): Promise<void> {
    const credential = leases[0]!.credential;
    checking.add(key);
    try {
      let outcome: Principal | CredentialEnd | undefined;
      try {
        outcome = (await authenticate(credential)) ?? 'revoked';
      } catch (error) {
        outcome = endFor(error as GraphQLError);
        if (!outcome)
          credential.log.warn(
            { err: error },
            'could not re-check a credential; keeping its connections until next time',
          );
      }
      // A lease renewed while identity was answering is judged on its new credential next round.
      for (const lease of leases.filter((each) => each.credential === credential)) {
        if (typeof outcome === 'string') lease.end(outcome);
        else if (outcome && !samePermissions(lease.principal, outcome)) lease.end('permissionsChanged');
      }
    } finally {
      checking.delete(key);
    }
  }

  /** A revocation event: the connections of the credentials it names end now, not at the next re-check. */
  function revoke({ subject, effect }: Pick<CredentialRevocation, 'subject' | 'effect'>): void {
    const candidates =
      'userId' in subject ? (byUser.get(subject.userId) ?? []) : [...byUser.values()].flatMap((l) => [...l]);
    for (const lease of [...candidates]) if (names(subject, lease.principal)) lease.end(effect);
  }

  const timer = setInterval(() => {
    recheck().catch((error: unknown) => logger.error({ err: error }, 'credential re-check failed'));
  }, options.recheckIntervalMs);
  timer.unref();

  return {
    open,
    recheck,
    revoke,
    close() {
      clearInterval(timer);
    },
  };
}

export type CredentialWatch = ReturnType<typeof createCredentialWatch>;

/** How a failed authentication ends a connection, or undefined when it says nothing about the credential. */
export function endFor(error: GraphQLError): CredentialEnd | undefined {
  if (error?.extensions?.code !== 'UNAUTHENTICATED') return undefined;
  return error.extensions.reason === 'TOKEN_EXPIRED' ? 'expired' : 'revoked';
}

function names(subject: RevokedSubject, principal: Principal): boolean {
  if ('sessionId' in subject) return principal.sessionId === subject.sessionId;
  if ('apiKeyId' in subject) return principal.apiKeyId === subject.apiKeyId;
  return principal.userId === subject.userId;
}

function samePermissions(a: Principal, b: Principal): boolean {
  return a.role === b.role && [...(a.scopes ?? [])].sort().join() === [...(b.scopes ?? [])].sort().join();
}
