import type { PrismaClient } from '../generated/prisma/client.ts';
import type { SecurityEventInput } from '../domain/security-events.ts';
import type { LiveChallenge, StoredFactor, TwoFactorRepository } from './repositories.ts';
import { recordSecurityEvent } from './security-log-repository.ts';

/** The Prisma implementation of TwoFactorRepository (see repositories.ts for what each method promises). */
export function createTwoFactorRepository(db: PrismaClient): TwoFactorRepository {
  return {
    async find(userId: string): Promise<StoredFactor | null> {
      return db.twoFactor.findUnique({
        where: { userId },
        select: { secretEncrypted: true, confirmedAt: true, lastUsedStep: true },
      });
    },

    async isEnabled(userId: string): Promise<boolean> {
      const row = await db.twoFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
      return Boolean(row?.confirmedAt);
    },

    async savePending(userId: string, secretEncrypted: string): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const existing = await tx.twoFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
        if (existing?.confirmedAt) return false;
        await tx.twoFactor.upsert({
          where: { userId },
          create: { userId, secretEncrypted },
          update: { secretEncrypted, lastUsedStep: 0 },
        });
        return true;
      });
    },

    async confirm(
      userId: string,
      secretEncrypted: string,
      step: number,
      codeHashes: string[],
      event: SecurityEventInput,
    ): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const { count } = await tx.twoFactor.updateMany({
          where: { userId, secretEncrypted, confirmedAt: null },
          data: { confirmedAt: event.at ?? new Date(), lastUsedStep: step },
        });
        if (count === 0) return false;
        await tx.recoveryCode.deleteMany({ where: { userId } });
        await tx.recoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ userId, codeHash })) });
        await recordSecurityEvent(tx, event);
        return true;
      });
    },

    async claimStep(userId: string, step: number): Promise<boolean> {
      const { count } = await db.twoFactor.updateMany({
        where: { userId, lastUsedStep: { lt: step } },
        data: { lastUsedStep: step },
      });
      return count === 1;
    },

    async spendRecoveryCode(userId: string, codeHash: string, at: Date, event: SecurityEventInput) {
      return db.$transaction(async (tx) => {
        const { count } = await tx.recoveryCode.updateMany({
          where: { userId, codeHash, usedAt: null },
          data: { usedAt: at },
        });
        if (count === 0) return null;
        const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
        await recordSecurityEvent(tx, { ...event, detail: { ...event.detail, recoveryCodesLeft: left } });
        return left;
      });
    },

    async replaceRecoveryCodes(userId: string, codeHashes: string[], event: SecurityEventInput): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.recoveryCode.deleteMany({ where: { userId } });
        await tx.recoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ userId, codeHash })) });
        await recordSecurityEvent(tx, event);
      });
    },

    recoveryCodesLeft: (userId: string) => db.recoveryCode.count({ where: { userId, usedAt: null } }),

    async remove(userId: string, event: SecurityEventInput): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.twoFactor.deleteMany({ where: { userId } });
        await tx.recoveryCode.deleteMany({ where: { userId } });
        await tx.signInChallenge.deleteMany({ where: { userId } });
        await recordSecurityEvent(tx, event);
      });
    },

    async createChallenge(
      input: {
        userId: string;
        tokenHash: string;
        deviceHash: string | null;
        deviceKnown: boolean;
        expiresAt: Date;
      },
      now: Date,
    ) {
      // The user's own expired challenges go as a new one comes: the table stays as small as the sign-ins in flight.
      await db.signInChallenge.deleteMany({ where: { userId: input.userId, expiresAt: { lt: now } } });
      await db.signInChallenge.create({ data: input });
    },

    async findLiveChallenge(tokenHash: string, now: Date, maxFailures: number): Promise<LiveChallenge | null> {
      return db.signInChallenge.findFirst({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now }, failures: { lt: maxFailures } },
        select: { id: true, userId: true, deviceHash: true, deviceKnown: true },
      });
    },

    async spendChallenge(id: string, now: Date): Promise<boolean> {
      const { count } = await db.signInChallenge.updateMany({
        where: { id, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      return count === 1;
    },

    async countChallengeFailure(id: string): Promise<void> {
      await db.signInChallenge.update({ where: { id }, data: { failures: { increment: 1 } } });
    },

    record: (event: SecurityEventInput) => recordSecurityEvent(db, event),
  };
}
