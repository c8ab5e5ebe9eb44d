import { createHash } from 'node:crypto';
import type { CredentialRevocation, RevokedSubject } from '../internal-routes/credential-revocations.ts';
import type { Principal } from '../principal.ts';

export interface AuthenticationCacheOptions {
  /** Most credentials remembered; beyond it the least recently used is forgotten. */
  maxEntries: number;
  /** An answer older than this is never used. */
  maxAgeMs: number;
  now?: () => number;
}

interface Entry {
  principal: Principal;
  /** When identity was asked (not when it answered): a revocation after this time beats the answer. */
  askedAt: number;
}

/**
 * Identity's recent "yes" answers, for when identity cannot answer in time (see authenticate.ts):
 * bounded (least recently used first out), each answer used for at most `maxAgeMs`, keyed by a
 * SHA-256 of the credential so that no token or key is held in memory longer than its request.
 *
 * Revocations win over the cache: identity's "no" forgets the credential, and a revocation event
 * (a session ended, a key revoked, a user deactivated or given another role) leaves a tombstone
 * that refuses every answer asked for before it, even one still in flight when the event came.
 */
export function createAuthenticationCache({ maxEntries, maxAgeMs, now = Date.now }: AuthenticationCacheOptions) {
  const entries = new Map<string, Entry>();
  // subject ("session:<id>", "apiKey:<id>", "user:<id>") → when and how it changed; kept as long as an answer can be.
  const tombstones = new Map<string, { at: number; effect: CredentialRevocation['effect'] }>();

  const subjectsOf = (principal: Principal): string[] => [
    `user:${principal.userId}`,
    ...(principal.sessionId ? [`session:${principal.sessionId}`] : []),
    ...(principal.apiKeyId ? [`apiKey:${principal.apiKeyId}`] : []),
  ];

  /** The strongest change to the entry's subjects since it was asked for: a revocation beats a change of permissions. */
  function changedAfter(entry: Entry): CredentialRevocation['effect'] | undefined {
    let found: CredentialRevocation['effect'] | undefined;
    for (const subject of subjectsOf(entry.principal)) {
      const tombstone = tombstones.get(subject);
      if (!tombstone || tombstone.at < entry.askedAt) continue;
      if (tombstone.effect === 'revoked') return 'revoked';
      found = tombstone.effect;
    }
    return found;
  }

  const expired = (principal: Principal) => principal.expiresAt != null && Date.parse(principal.expiresAt) <= now();

  function dropExpiredTombstones(at: number): void {
    // Insertion order is time order: stop at the first one still needed.
    for (const [subject, tombstone] of tombstones) {
      if (at - tombstone.at <= maxAgeMs) break;
      tombstones.delete(subject);
    }
  }

  return {
    /**
     * The remembered answer for `key` when it is younger than the maximum age and nothing revoked it
     * since; `revoked` when a revocation event named it (the credential is known to be bad). After a
     * change of permissions the answer is stale but the credential may be good: nothing is known.
     */
    get(key: string): Principal | 'revoked' | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      const change = changedAfter(entry);
      // An API key past its expiry (or a rotated-out secret past its grace) is known to be bad.
      if (change === 'revoked' || expired(entry.principal)) return 'revoked';
      if (change || now() - entry.askedAt > maxAgeMs) {
        entries.delete(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, entry);
      return entry.principal;
    },

    /** Identity said yes to `key` when asked at `askedAt`. */
    remember(key: string, principal: Principal, askedAt: number): void {
      const entry = { principal, askedAt };
      if (changedAfter(entry)) return;
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },

    /** Identity said no to `key`. */
    forget(key: string): void {
      entries.delete(key);
    },

    /** A revocation event: answers about this subject asked before `at` are no longer used. */
    revoke(subject: RevokedSubject, effect: CredentialRevocation['effect'] = 'revoked', at = now()): void {
      const name =
        'sessionId' in subject
          ? `session:${subject.sessionId}`
          : 'apiKeyId' in subject
            ? `apiKey:${subject.apiKeyId}`
            : `user:${subject.userId}`;
      tombstones.delete(name);
      tombstones.set(name, { at, effect });
      dropExpiredTombstones(at);
    },

    /** Forgets every answer (revocation events may have been missed). */
    clear(): void {
      entries.clear();
    },

    get size(): number {
      return entries.size;
    },
  };
}

export type AuthenticationCache = ReturnType<typeof createAuthenticationCache>;

/** The cache key of a credential: a hash, so the cache holds no usable token or key. */
export function credentialHash(credential: { authorization?: string; apiKey?: string }): string {
  return createHash('sha256')
    .update(`${credential.authorization ?? ''}\n${credential.apiKey ?? ''}`)
    .digest('base64url');
}
