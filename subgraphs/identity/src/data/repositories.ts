import type { ThrottleRule } from '../domain/login-throttle.ts';
import type { AccountLinkPurpose, Invitation, InvitationStatus } from '../domain/account-links.ts';
import type { IdempotencyRequest, Role } from '@switchyard/shared';
import type { SecurityEvent, SecurityEventInput, SecurityEventType } from '../domain/security-events.ts';
import type { ApiKey, User } from '../domain/types.ts';

/*
 * What identity's services and resolvers depend on: one interface per repository, in domain types.
 * The Prisma-backed implementations beside this file are the only code that touches the database;
 * unit tests give the services in-memory fakes of the same interfaces (test/fakes).
 */

export interface UserRepository {
  findById(id: string): Promise<User | null>;
  findManyByIds(ids: readonly string[]): Promise<User[]>;
  /** Includes the password hash: only login needs it. */
  findCredentialsByEmail(email: string): Promise<{ user: User; passwordHash: string } | null>;
  count(): Promise<number>;
  countActiveAdmins(): Promise<number>;
  /** Keyset page ordered by (createdAt, id); fetches `size + 1` rows so the caller knows if more follow. */
  page(size: number, after: string | null): Promise<User[]>;
  cursorOf(user: User): string;
  /** A taken email is refused by the database (unique index), also when two creations race. */
  /**
   * CONFLICT on a taken email (also when two creations race: the unique index decides). With an
   * idempotency request, a repeat answers the user the first one created.
   */
  create(
    input: { email: string; passwordHash: string; displayName: string; role: Role },
    idempotency?: IdempotencyRequest | null,
    audit?: SecurityEventInput | null,
  ): Promise<User>;
  /** `audit` is recorded, with the role before and after, only when the role changed. */
  updateRole(id: string, role: Role, audit?: SecurityEventInput | null): Promise<User>;
  updateDisplayName(id: string, displayName: string): Promise<User>;
  passwordHashOf(id: string): Promise<string | null>;
  /** Sets a new password and ends the user's other sessions (SessionRevoked, "password changed") at once. */
  changePassword(
    id: string,
    passwordHash: string,
    keepSessionId: string | null,
    at: Date,
    audit?: SecurityEventInput | null,
  ): Promise<void>;
  recordLogin(id: string, at: Date): Promise<User>;
  /** Deactivates and revokes every session of the user (SessionRevoked, "user deactivated") at once. */
  deactivate(id: string, at: Date, audit?: SecurityEventInput | null): Promise<User>;
}

export type RotationResult =
  | { outcome: 'rotated'; userId: string; sessionId: string; refreshToken: string }
  | { outcome: 'reused' }
  | { outcome: 'invalid' };

/** A session that still authenticates, with its user's current role. */
export interface LiveSession {
  sessionId: string;
  userId: string;
  role: Role;
}

/** A session as its owner and admins see it. */
export interface SessionSummary {
  id: string;
  userId: string;
  createdAt: Date;
  /** Updated at most once a minute. */
  lastUsedAt: Date | null;
  expiresAt: Date;
  revokedAt: Date | null;
  ipAddress: string | null;
  userAgent: string | null;
}

/*
 * `audit`, where a method takes one, is the security event of the change, recorded in its
 * transaction (data/security-log-repository.ts).
 */
export interface SessionRepository {
  /** Starts a session (a refresh-token family), records the login (UserLoggedIn), and returns its first refresh token. */
  start(
    userId: string,
    ttlSeconds: number,
    meta: { userAgent: string | null; ipAddress: string | null },
    now: Date,
    audit?: SecurityEventInput | null,
  ): Promise<{ sessionId: string; refreshToken: string }>;
  /**
   * Spends a refresh token and issues its successor. A token that was already spent means it
   * leaked: the whole family is revoked (SessionRevoked, "refresh token reuse"). Of two concurrent
   * uses of one token exactly one rotates and the other counts as reuse.
   */
  rotate(tokenHash: string, now: Date): Promise<RotationResult>;
  /** Ends a live session (SessionRevoked with the reason); false, and nothing recorded, when it already ended. */
  revoke(sessionId: string, reason: string, now: Date, audit?: SecurityEventInput | null): Promise<boolean>;
  /** Ends every live session of the user; returns how many ended. */
  revokeAllOf(userId: string, reason: string, now: Date, audit?: SecurityEventInput | null): Promise<number>;
  /** The user's sessions that still work, newest first. */
  listLive(userId: string, now: Date): Promise<SessionSummary[]>;
  findById(id: string): Promise<SessionSummary | null>;
  /** The live session of an active user; null once revoked, expired or deactivated. */
  findLive(sessionId: string, userId: string, now: Date): Promise<LiveSession | null>;
}

/** An API key that still authenticates, with its owner's current role. */
export interface LiveApiKey {
  apiKeyId: string;
  userId: string;
  role: Role;
  scopes: string[];
  /** When this secret stops working (the key's expiry, or the end of a replaced secret's grace); null: never. */
  expiresAt: Date | null;
}

export interface ApiKeyRepository {
  /**
   * With an idempotency request, `sealedSecret` is kept with it, and a repeat answers the first
   * key with the sealed secret kept then.
   */
  create(
    input: { userId: string; name: string; scopes: string[]; secretHash: string; expiresAt?: Date | null },
    idempotency?: { request: IdempotencyRequest; sealedSecret: string } | null,
    audit?: SecurityEventInput | null,
  ): Promise<{ apiKey: ApiKey; sealedSecret: string | null }>;
  findById(id: string): Promise<ApiKey | null>;
  /** Newest first; every key when `ownerId` is null. */
  list(ownerId: string | null): Promise<ApiKey[]>;
  /** Revokes the key unless it already was (the first revocation time stays). */
  revoke(id: string, now: Date, audit?: SecurityEventInput | null): Promise<ApiKey>;
  /**
   * Gives the live key a new secret hash; the old one keeps working until `previousValidUntil`.
   * Null when the key is revoked or expired (nothing changes then).
   */
  rotate(
    id: string,
    secretHash: string,
    previousValidUntil: Date,
    now: Date,
    audit?: SecurityEventInput | null,
  ): Promise<ApiKey | null>;
  /**
   * The unrevoked, unexpired key with this hash (or with it as its previous secret, within the
   * grace period) whose owner is active; notes when it was used.
   */
  findLive(secretHash: string, now: Date): Promise<LiveApiKey | null>;
}

export interface LoginThrottleRepository {
  /**
   * Claims one attempt under each rule, in order, atomically per key (concurrent claims queue on
   * the row): a key past its free attempts is locked at once, before the password is checked.
   * Returns 0 when every key granted the attempt, else the seconds to wait.
   */
  claim(rules: ThrottleRule[], now: Date): Promise<number>;
  /**
   * After a right password: the account's count (the first rule) starts afresh, and the other keys
   * (the address) take back this attempt's claim, so many people signing in behind one address do
   * not lock it.
   */
  release(rules: ThrottleRule[]): Promise<void>;
  /** Whether this account (by email) has signed in from the device with this hash before. */
  isKnownDevice(email: string, deviceHash: string): Promise<boolean>;
  rememberDevice(userId: string, deviceHash: string, now: Date): Promise<void>;
}

/** A user's second factor as stored: the sealed secret, whether it is on, the last time step accepted. */
export interface StoredFactor {
  secretEncrypted: string;
  confirmedAt: Date | null;
  lastUsedStep: number;
}

/** A sign-in waiting for its second step. */
export interface LiveChallenge {
  id: string;
  userId: string;
  deviceHash: string | null;
  deviceKnown: boolean;
}

/** TOTP factors, recovery codes and sign-in challenges; each change and its security event commit together. */
export interface TwoFactorRepository {
  find(userId: string): Promise<StoredFactor | null>;
  /** One primary-key lookup: what the per-request enrolment check of REQUIRE_2FA_FOR_ADMINS costs. */
  isEnabled(userId: string): Promise<boolean>;
  /** Starts (or restarts) an enrolment; false when two-factor is already on. */
  savePending(userId: string, secretEncrypted: string): Promise<boolean>;
  /** Turns two-factor on with its recovery codes; false when that enrolment is no longer pending. */
  confirm(
    userId: string,
    secretEncrypted: string,
    step: number,
    codeHashes: string[],
    event: SecurityEventInput,
  ): Promise<boolean>;
  /** Spends a time step: false when a code of this step or a later one was accepted already (a replay). */
  claimStep(userId: string, step: number): Promise<boolean>;
  /** Spends a recovery code (recording `event` with the count left); the count left, or null when it is not an unused code of the user. */
  spendRecoveryCode(userId: string, codeHash: string, at: Date, event: SecurityEventInput): Promise<number | null>;
  replaceRecoveryCodes(userId: string, codeHashes: string[], event: SecurityEventInput): Promise<void>;
  recoveryCodesLeft(userId: string): Promise<number>;
  /** Turns two-factor off: the secret, the recovery codes and any pending challenge go. */
  remove(userId: string, event: SecurityEventInput): Promise<void>;
  createChallenge(
    input: { userId: string; tokenHash: string; deviceHash: string | null; deviceKnown: boolean; expiresAt: Date },
    now: Date,
  ): Promise<void>;
  /** The unspent, unexpired challenge with this hash that has failures left. */
  findLiveChallenge(tokenHash: string, now: Date, maxFailures: number): Promise<LiveChallenge | null>;
  /** Spends the challenge; false when another request spent it first. */
  spendChallenge(id: string, now: Date): Promise<boolean>;
  countChallengeFailure(id: string): Promise<void>;
  /** For events with no change to commit with (a wrong code). */
  record(event: SecurityEventInput): Promise<void>;
}

/** The account a redeemed link belongs to, as the mails need it. */
export interface RedeemedLink {
  user: Pick<User, 'id' | 'email' | 'displayName'>;
}

/** Password-reset and email-change links; each change commits with its security-log entry. */
export interface AccountLinkRepository {
  /** A new link for the user; earlier unused links of the same purpose stop working. */
  issue(input: {
    purpose: AccountLinkPurpose;
    userId: string;
    tokenHash: string;
    newEmail?: string;
    expiresAt: Date;
    now: Date;
    event: SecurityEventInput;
  }): Promise<void>;
  /**
   * Sets the password, spends the link (and every other reset link of the user) and ends every
   * session of the user, at once. Null when the link is unknown, used, expired or its account deactivated.
   */
  redeemPasswordReset(
    tokenHash: string,
    passwordHash: string,
    now: Date,
    event: (userId: string) => SecurityEventInput,
  ): Promise<(RedeemedLink & { sessionsEnded: number }) | null>;
  /** Gives the user the link's address; CONFLICT (field newEmail) when an account took it meanwhile. */
  redeemEmailChange(
    tokenHash: string,
    now: Date,
    event: (userId: string, previousEmail: string, newEmail: string) => SecurityEventInput,
  ): Promise<(RedeemedLink & { previousEmail: string }) | null>;
}

/** Invitations; each change commits with its security-log entry. */
export interface InvitationRepository {
  findById(id: string): Promise<Invitation | null>;
  findByTokenHash(tokenHash: string): Promise<Invitation | null>;
  /** Newest first, at most INVITATION_LIST_LIMIT; every status when null. */
  list(status: InvitationStatus | null): Promise<Invitation[]>;
  /** CONFLICT (field input.email) when an account or a pending invitation has the address. */
  create(
    input: { email: string; role: Role; invitedById: string | null; tokenHash: string; expiresAt: Date },
    event: (invitation: Invitation) => SecurityEventInput,
  ): Promise<Invitation>;
  /** Null when there is no such invitation; CONFLICT when it is no longer pending. */
  revoke(id: string, event: (invitation: Invitation) => SecurityEventInput): Promise<Invitation | null>;
  /** A new token and expiry (the old link dies); null when there is none, CONFLICT once accepted or revoked. */
  renew(
    id: string,
    tokenHash: string,
    expiresAt: Date,
    event: (invitation: Invitation) => SecurityEventInput,
  ): Promise<Invitation | null>;
  /**
   * Creates the invited account and marks the invitation accepted, at once; the refusal when the
   * invitation is not pending ('INVALID' for an unknown token).
   */
  accept(
    tokenHash: string,
    account: { displayName: string; passwordHash: string },
    events: (user: User, invitation: Invitation) => SecurityEventInput[],
  ): Promise<{ user: User } | { refused: Exclude<InvitationStatus, 'PENDING'> | 'INVALID' }>;
}

/** Account changes beyond UserRepository's, each with its security-log entry. */
export interface UserLifecycleRepository {
  /** Null when there is no such user; an active user is answered unchanged, with no event. */
  reactivate(id: string, event: SecurityEventInput): Promise<User | null>;
  isEmailTaken(email: string): Promise<boolean>;
  /** For events with no change to commit with (a reset asked for an unknown address). */
  record(event: SecurityEventInput): Promise<void>;
}

export interface SecurityEventFilter {
  type?: SecurityEventType | null;
  /** Events this user did or that concern their account. */
  userId?: string | null;
  since?: Date | null;
  until?: Date | null;
}

/** The security log's reads, and records of events that change nothing else (a failed sign-in). */
export interface SecurityLogRepository {
  record(event: SecurityEventInput): Promise<void>;
  /** Newest first by (occurredAt, id); fetches `size + 1` rows so the caller knows if more follow. */
  page(filter: SecurityEventFilter, size: number, after: string | null): Promise<SecurityEvent[]>;
  count(filter: SecurityEventFilter): Promise<number>;
  cursorOf(event: SecurityEvent): string;
}
