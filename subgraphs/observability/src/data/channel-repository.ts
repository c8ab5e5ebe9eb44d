import { randomUUID } from 'node:crypto';
import { NotFoundError, fromDatabaseError, type Sealer } from '@switchyard/shared';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ChannelRepository, ChannelTestResult } from './repositories.ts';
import type {
  NewNotificationChannel,
  NotificationChannel,
  NotificationChannelPatch,
} from '../domain/notification-channels.ts';

/**
 * Notification channels. Secrets (a webhook's signing secret, an ntfy token) are sealed with the
 * row's id as associated data before they reach the database, and opened only to send.
 */
export function createChannelRepository(db: PrismaClient, sealer: Sealer): ChannelRepository {
  const mapped = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw fromDatabaseError(error) ?? error;
    }
  };
  const row = (channel: NewNotificationChannel & { createdBy: string | null }) => {
    const id = randomUUID();
    return { ...channel, id, secret: channel.secret ? sealer.seal(channel.secret, id) : null };
  };

  return {
    /** By name. */
    list: (): Promise<NotificationChannel[]> => db.notificationChannel.findMany({ orderBy: { name: 'asc' } }),
    findById: (id: string): Promise<NotificationChannel | null> => db.notificationChannel.findUnique({ where: { id } }),
    findManyByIds: (ids: readonly string[]): Promise<NotificationChannel[]> =>
      db.notificationChannel.findMany({ where: { id: { in: [...ids] } }, orderBy: { name: 'asc' } }),

    /** A taken name is a CONFLICT. */
    create: (channel: NewNotificationChannel & { createdBy: string | null }): Promise<NotificationChannel> =>
      mapped(() => db.notificationChannel.create({ data: row(channel) })),

    /** NOT_FOUND for an unknown channel, CONFLICT for a taken name; `secret: ""` removes it. */
    update: (id: string, patch: NotificationChannelPatch): Promise<NotificationChannel> =>
      mapped(async () => {
        const { secret, ...rest } = patch;
        const data = {
          ...rest,
          ...(secret === undefined ? {} : { secret: secret ? sealer.seal(secret, id) : null }),
        };
        const { count } = await db.notificationChannel.updateMany({ where: { id }, data });
        if (count === 0) throw new NotFoundError('NotificationChannel', id);
        return db.notificationChannel.findUniqueOrThrow({ where: { id } });
      }),

    /**
     * Whether it existed. Rules that named it keep the other channels they name; a rule left with
     * none goes to every enabled channel again (an empty list means all).
     */
    delete: (id: string): Promise<boolean> =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(
          `UPDATE "AlertRule" SET "channelIds" = array_remove("channelIds", $1) WHERE $1 = ANY("channelIds")`,
          id,
        );
        return (await tx.notificationChannel.deleteMany({ where: { id } })).count === 1;
      }),

    /** The plaintext secret; throws when it cannot be opened (the encryption key changed). */
    secretOf: (channel: NotificationChannel): string | null =>
      channel.secret ? sealer.open(channel.secret, channel.id) : null,

    /** Makes someone the channel's owner (an imported channel pointed elsewhere). */
    claim: (id: string, userId: string): Promise<NotificationChannel> =>
      db.notificationChannel.update({ where: { id }, data: { createdBy: userId } }),

    recordTest: (id: string, result: ChannelTestResult) =>
      db.notificationChannel.updateMany({
        where: { id },
        data: {
          lastTestAt: result.at,
          lastTestOk: result.ok,
          lastTestHttpStatus: result.httpStatus,
          lastTestError: result.error,
        },
      }),

    /**
     * Creates `channels` unless setup step `step` was done before (by this or another replica):
     * once per installation, so a channel an admin deleted or changed stays so. A taken name is
     * left as it is. Returns whether this call created them.
     */
    createOnce: (step: string, channels: (NewNotificationChannel & { createdBy: null })[]): Promise<boolean> =>
      db.$transaction(
        async (tx) => {
          const claimed = await tx.$executeRawUnsafe(
            `INSERT INTO "SetupStep" ("name") VALUES ($1) ON CONFLICT ("name") DO NOTHING`,
            step,
          );
          if (claimed === 0) return false;
          if (channels.length > 0)
            await tx.notificationChannel.createMany({ data: channels.map(row), skipDuplicates: true });
          return true;
        },
        { timeout: 30_000, maxWait: 10_000 },
      ),
  };
}
