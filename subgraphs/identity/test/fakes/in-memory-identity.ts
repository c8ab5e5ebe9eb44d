import { randomUUID } from 'node:crypto';
import { ConflictError, decodeCursor, encodeCursor, type NewDomainEvent } from '@switchyard/shared';
import type {
  ApiKeyRepository,
  LoginThrottleRepository,
  RotationResult,
  SessionRepository,
  UserRepository,
} from '../../src/data/repositories.ts';
import { delayAfter } from '../../src/domain/login-throttle.ts';
import { newSecret } from '../../src/domain/secrets.ts';
import { sessionRevokedEvent, userLoggedInEvent } from '../../src/domain/session-events.ts';
import type { ApiKey, User } from '../../src/domain/types.ts';

interface StoredSession {
  id: string;
  userId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  userAgent: string | null;
  ipAddress: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

interface StoredRefreshToken {
  sessionId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

interface StoredThrottle {
  failures: number;
  lastAttemptAt: Date;
  lockedUntil: Date | null;
}

/**
 * Identity's repositories over plain maps, for unit tests of its services: the contracts of
 * src/data/repositories.ts, with the events the Prisma repositories write to the outbox collected
 * in `events`. Each map is what the matching table would hold. Test code only.
 */
export function createInMemoryIdentity(clock: () => Date = () => new Date()) {
  const userRows = new Map<string, User & { passwordHash: string }>();
  const sessionRows = new Map<string, StoredSession>();
  const refreshTokenRows = new Map<string, StoredRefreshToken>();
  const apiKeyRows = new Map<string, ApiKey & { secretHash: string; previousSecretHash: string | null }>();
  const throttleRows = new Map<string, StoredThrottle>();
  const knownDevices = new Set<string>();
  const events: NewDomainEvent[] = [];

  const publicUser = ({ passwordHash: _hash, ...user }: User & { passwordHash: string }): User => ({ ...user });
  const publicKey = ({
    secretHash: _hash,
    previousSecretHash: _previous,
    ...key
  }: ApiKey & { secretHash: string; previousSecretHash: string | null }): ApiKey => ({ ...key });
  const userRow = (id: string) => {
    const row = userRows.get(id);
    if (!row) throw new Error(`no user ${id}`);
    return row;
  };
  const keyRow = (id: string) => {
    const row = apiKeyRows.get(id);
    if (!row) throw new Error(`no API key ${id}`);
    return row;
  };

  function revokeSessions(matches: (session: StoredSession) => boolean, reason: string, now: Date): number {
    const live = [...sessionRows.values()].filter((session) => !session.revokedAt && matches(session));
    for (const session of live) {
      Object.assign(session, { revokedAt: now, revokedReason: reason });
      events.push(sessionRevokedEvent(session, reason));
    }
    return live.length;
  }

  const users: UserRepository = {
    findById: async (id) => {
      const row = userRows.get(id);
      return row ? publicUser(row) : null;
    },
    findManyByIds: async (ids) => ids.flatMap((id) => (userRows.has(id) ? [publicUser(userRow(id))] : [])),
    findCredentialsByEmail: async (email) => {
      const row = [...userRows.values()].find((user) => user.email === email);
      return row ? { user: publicUser(row), passwordHash: row.passwordHash } : null;
    },
    count: async () => userRows.size,
    countActiveAdmins: async () =>
      [...userRows.values()].filter((user) => user.role === 'ADMIN' && !user.deactivatedAt).length,
    page: async (size, after) => {
      const [createdAt, id] = after ? decodeCursor(after) : [];
      const key = (user: User) => `${user.createdAt.toISOString()}|${user.id}`;
      return [...userRows.values()]
        .map(publicUser)
        .sort((a, b) => key(a).localeCompare(key(b)))
        .filter((user) => !after || key(user) > `${String(createdAt)}|${String(id)}`)
        .slice(0, size + 1);
    },
    cursorOf: (user) => encodeCursor([user.createdAt.toISOString(), user.id]),
    create: async (input) => {
      if (await users.findCredentialsByEmail(input.email))
        throw new ConflictError('A user with this email already exists', { field: 'input.email' });
      const user = { id: randomUUID(), ...input, deactivatedAt: null, createdAt: clock(), lastLoginAt: null };
      userRows.set(user.id, user);
      return publicUser(user);
    },
    updateRole: async (id, role) => publicUser(Object.assign(userRow(id), { role })),
    updateDisplayName: async (id, displayName) => publicUser(Object.assign(userRow(id), { displayName })),
    passwordHashOf: async (id) => userRows.get(id)?.passwordHash ?? null,
    changePassword: async (id, passwordHash, keepSessionId, at) => {
      userRow(id).passwordHash = passwordHash;
      revokeSessions((session) => session.userId === id && session.id !== keepSessionId, 'password changed', at);
    },
    recordLogin: async (id, at) => publicUser(Object.assign(userRow(id), { lastLoginAt: at })),
    deactivate: async (id, at) => {
      const user = Object.assign(userRow(id), { deactivatedAt: at });
      revokeSessions((session) => session.userId === id, 'user deactivated', at);
      return publicUser(user);
    },
  };

  const sessions: SessionRepository = {
    start: async (userId, ttlSeconds, meta, now) => {
      const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
      const session = {
        id: randomUUID(),
        userId,
        expiresAt,
        revokedAt: null,
        revokedReason: null,
        createdAt: now,
        lastUsedAt: null,
        ...meta,
      };
      sessionRows.set(session.id, session);
      const refresh = newSecret('rt');
      refreshTokenRows.set(refresh.hash, { sessionId: session.id, expiresAt, usedAt: null });
      events.push(userLoggedInEvent({ sessionId: session.id, userId }));
      return { sessionId: session.id, refreshToken: refresh.secret };
    },
    rotate: async (tokenHash, now): Promise<RotationResult> => {
      const token = refreshTokenRows.get(tokenHash);
      if (!token) return { outcome: 'invalid' };
      const session = sessionRows.get(token.sessionId)!;
      if (token.usedAt) {
        revokeSessions((s) => s.id === session.id, 'refresh token reuse', now);
        return { outcome: 'reused' };
      }
      token.usedAt = now;
      if (
        session.revokedAt ||
        session.expiresAt <= now ||
        token.expiresAt <= now ||
        userRow(session.userId).deactivatedAt
      )
        return { outcome: 'invalid' };
      const next = newSecret('rt');
      refreshTokenRows.set(next.hash, { sessionId: session.id, expiresAt: session.expiresAt, usedAt: null });
      return { outcome: 'rotated', userId: session.userId, sessionId: session.id, refreshToken: next.secret };
    },
    revoke: async (sessionId, reason, now) => revokeSessions((session) => session.id === sessionId, reason, now) > 0,
    listLive: async (userId, now) =>
      [...sessionRows.values()]
        .filter((session) => session.userId === userId && !session.revokedAt && session.expiresAt > now)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .map(({ revokedReason: _reason, ...session }) => ({ ...session })),
    findById: async (id) => {
      const session = sessionRows.get(id);
      if (!session) return null;
      const { revokedReason: _reason, ...summary } = session;
      return { ...summary };
    },
    revokeAllOf: async (userId, reason, now) => revokeSessions((session) => session.userId === userId, reason, now),
    findLive: async (sessionId, userId, now) => {
      const session = sessionRows.get(sessionId);
      const user = session && userRows.get(session.userId);
      if (!session || !user || session.userId !== userId || session.revokedAt || session.expiresAt <= now) return null;
      return user.deactivatedAt ? null : { sessionId, userId, role: user.role };
    },
  };

  const apiKeys: ApiKeyRepository = {
    // No idempotency here: the integration tests check it on a real database.
    create: async (input, idempotency) => {
      const key = {
        id: randomUUID(),
        ...input,
        expiresAt: input.expiresAt ?? null,
        createdAt: clock(),
        lastUsedAt: null,
        revokedAt: null,
        rotatedAt: null,
        previousSecretHash: null,
        previousSecretExpiresAt: null,
      };
      apiKeyRows.set(key.id, key);
      return { apiKey: publicKey(key), sealedSecret: idempotency?.sealedSecret ?? null };
    },
    findById: async (id) => {
      const row = apiKeyRows.get(id);
      return row ? publicKey(row) : null;
    },
    list: async (ownerId) =>
      [...apiKeyRows.values()]
        .filter((key) => ownerId === null || key.userId === ownerId)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .map(publicKey),
    revoke: async (id, now) => {
      const key = keyRow(id);
      key.revokedAt ??= now;
      return publicKey(key);
    },
    rotate: async (id, secretHash, previousValidUntil, now) => {
      const key = keyRow(id);
      if (key.revokedAt || (key.expiresAt && key.expiresAt <= now)) return null;
      Object.assign(key, {
        previousSecretHash: key.secretHash,
        secretHash,
        previousSecretExpiresAt: previousValidUntil,
        rotatedAt: now,
      });
      return publicKey(key);
    },
    findLive: async (secretHash, now) => {
      const key = [...apiKeyRows.values()].find(
        (row) =>
          (row.secretHash === secretHash ||
            (row.previousSecretHash === secretHash && row.previousSecretExpiresAt! > now)) &&
          !row.revokedAt &&
          (!row.expiresAt || row.expiresAt > now),
      );
      const owner = key && userRows.get(key.userId);
      if (!key || !owner || owner.deactivatedAt) return null;
      key.lastUsedAt = now;
      const graceEnd = key.secretHash === secretHash ? null : key.previousSecretExpiresAt;
      const ends = [key.expiresAt, graceEnd].filter((at): at is Date => at !== null);
      return {
        apiKeyId: key.id,
        userId: key.userId,
        role: owner.role,
        scopes: key.scopes,
        expiresAt: ends.length ? new Date(Math.min(...ends.map((at) => at.getTime()))) : null,
      };
    },
  };

  const throttle: LoginThrottleRepository = {
    claim: async (rules, now) => {
      for (const rule of rules) {
        const row = throttleRows.get(rule.key);
        if (row?.lockedUntil && row.lockedUntil > now)
          return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
        const stale = !row || row.lastAttemptAt.getTime() < now.getTime() - rule.resetAfterSeconds * 1000;
        const failures = stale ? 1 : row.failures + 1;
        const delay = delayAfter(rule, failures);
        throttleRows.set(rule.key, {
          failures,
          lastAttemptAt: now,
          lockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null,
        });
      }
      return 0;
    },
    release: async ([account, ...others]) => {
      throttleRows.delete(account!.key);
      for (const rule of others) {
        const row = throttleRows.get(rule.key);
        if (!row) continue;
        row.failures = Math.max(row.failures - 1, 0);
        if (row.failures < rule.freeAttempts) row.lockedUntil = null;
      }
    },
    isKnownDevice: async (email, deviceHash) =>
      [...userRows.values()].some((user) => user.email === email && knownDevices.has(`${user.id}|${deviceHash}`)),
    rememberDevice: async (userId, deviceHash) => {
      knownDevices.add(`${userId}|${deviceHash}`);
    },
  };

  return {
    users,
    sessions,
    apiKeys,
    throttle,
    /** What the tables hold, for assertions. */
    rows: { users: userRows, sessions: sessionRows, apiKeys: apiKeyRows, throttle: throttleRows },
    /** The events the repositories would have written to the outbox, in order. */
    events,
  };
}

export type InMemoryIdentity = ReturnType<typeof createInMemoryIdentity>;
