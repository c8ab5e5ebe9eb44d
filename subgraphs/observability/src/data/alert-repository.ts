import {
  ConflictError,
  NotFoundError,
  appendToOutbox,
  decodeCursor,
  encodeCursor,
  entityById,
  fromDatabaseError,
  idempotent,
  type IdempotencyRequest,
  type RawSqlClient,
} from '@switchyard/shared';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { ALERT_REOPEN_WINDOW_MS, type AlertRule, type AlertStatus } from '../domain/alert-lifecycle.ts';
import { alertChanged } from '../domain/events.ts';
import type { Alert, NotificationDraft, Silence } from '../domain/types.ts';
import type { AlertRepository, NewAlertRule } from './repositories.ts';

export function createAlertRepository(db: PrismaClient, afterCommit: () => void): AlertRepository {
  const mapped = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw fromDatabaseError(error) ?? error;
    }
  };
  return {
    rules: (): Promise<AlertRule[]> => db.alertRule.findMany({ orderBy: { name: 'asc' } }),
    ruleById: (id: string) => db.alertRule.findUnique({ where: { id } }),
    createRule: (rule: NewAlertRule, idempotency: IdempotencyRequest | null = null) =>
      mapped(() =>
        db.$transaction((tx) => idempotent(tx, idempotency, () => tx.alertRule.create({ data: rule }), createdRule)),
      ),
    updateRule: (id: string, patch: Partial<NewAlertRule>) =>
      mapped(async () => {
        if (!(await db.alertRule.findUnique({ where: { id } }))) throw new NotFoundError('AlertRule', id);
        return db.alertRule.update({ where: { id }, data: patch });
      }),
    /**
     * Its alerts stay as history (the rule's id is cleared, its name kept); those still open end
     * now, quietly: nothing watches them any more, and nobody asked to hear that.
     */
    async deleteRule(id: string) {
      const deleted = await db.$transaction(async (tx) => {
        const open = await tx.alert.findMany({
          where: { ruleId: id, status: { in: ['PENDING', 'FIRING'] } },
          select: { id: true },
        });
        if (open.length > 0)
          await tx.alert.updateMany({
            where: { id: { in: open.map((a) => a.id) } },
            data: { status: 'RESOLVED', resolvedAt: new Date() },
          });
        for (const alert of open) await appendToOutbox(tx as RawSqlClient, alertChanged(alert.id, 'RESOLVED'));
        return (await tx.alertRule.deleteMany({ where: { id } })).count === 1;
      });
      afterCommit();
      return deleted;
    },

    createRulesOnce: (step: string, rules: NewAlertRule[]) =>
      db.$transaction(
        async (tx) => {
          const claimed = await tx.$executeRawUnsafe(
            `INSERT INTO "SetupStep" ("name") VALUES ($1) ON CONFLICT ("name") DO NOTHING`,
            step,
          );
          if (claimed === 0) return false;
          await tx.alertRule.createMany({ data: rules, skipDuplicates: true });
          return true;
        },
        // On a first start beside four other starting services, a busy machine can take longer than
        // Prisma's default 5 s, which would stop observability at startup.
        { timeout: 30_000, maxWait: 10_000 },
      ),

    /** Alerts not yet resolved, keyed `ruleId|subject`. */
    async openAlerts(): Promise<Map<string, Alert>> {
      const rows = await db.alert.findMany({ where: { status: { in: ['PENDING', 'FIRING'] } } });
      return new Map(rows.map((row) => [`${row.ruleId}|${row.subject}`, row]));
    },

    /**
     * Moves an alert to `status`, with its AlertChanged event and the notifications the moved alert
     * owes, all in one transaction. Without `alert`, the rule's last alert for the subject is
     * reopened when it resolved within ALERT_REOPEN_WINDOW_MS, else a new one is opened.
     */
    async transition(
      alert: Alert | null,
      target: { ruleId: string; ruleName: string; subject: string; summary: string; storeId?: string | null },
      status: AlertStatus,
      silenced: boolean,
      at: Date,
      notificationsFor: (moved: Alert) => NotificationDraft[] = () => [],
      maintenanceId: string | null = null,
    ) {
      const row = await db.$transaction(async (tx) => {
        const reopened = alert
          ? null
          : await tx.alert.findFirst({
              where: {
                ruleId: target.ruleId,
                subject: target.subject,
                status: 'RESOLVED',
                resolvedAt: { gte: new Date(at.getTime() - ALERT_REOPEN_WINDOW_MS) },
              },
              orderBy: { resolvedAt: 'desc' },
            });
        const existing = alert ?? reopened;
        const row = existing
          ? await tx.alert.update({
              where: { id: existing.id },
              data: {
                status,
                ruleName: target.ruleName,
                summary: target.summary,
                ...(status === 'FIRING' ? { firedAt: at, silenced, maintenanceId } : {}),
                ...(status === 'RESOLVED' ? { resolvedAt: at } : {}),
                ...(reopened
                  ? { resolvedAt: null, silenced, maintenanceId, reopenCount: { increment: 1 }, lastReopenedAt: at }
                  : {}),
              },
            })
          : await tx.alert.create({ data: { ...target, status, startedAt: at, silenced, maintenanceId } });
        await appendToOutbox(tx as RawSqlClient, alertChanged(row.id, status));
        const drafts = notificationsFor(row);
        await owe(tx, row.id, drafts, at);
        if (drafts.length > 0 && status === 'FIRING')
          return tx.alert.update({ where: { id: row.id }, data: { lastNotifiedAt: at } });
        return row;
      });
      afterCommit();
      return row;
    },

    /**
     * Writes a reminder of a still FIRING alert, unless one was written since `lastNotifiedAt` (by
     * another pass): at most one reminder per interval. Returns whether this call wrote it.
     */
    renotify: (alert: Alert, at: Date, drafts: NotificationDraft[]) =>
      db.$transaction(async (tx) => {
        const { count } = await tx.alert.updateMany({
          where: { id: alert.id, status: 'FIRING', lastNotifiedAt: alert.lastNotifiedAt ?? null },
          data: { lastNotifiedAt: at },
        });
        if (count === 0) return false;
        await owe(tx, alert.id, drafts, at);
        return true;
      }),

    findById: (id: string) => db.alert.findUnique({ where: { id } }),
    findManyByIds: (ids: readonly string[]) => db.alert.findMany({ where: { id: { in: [...ids] } } }),

    async acknowledge(id: string, userId: string, note: string | null, at: Date) {
      const row = await db.$transaction(async (tx) => {
        const { count } = await tx.alert.updateMany({
          where: { id },
          data: { acknowledgedAt: at, acknowledgedBy: userId, note },
        });
        if (count === 0) throw new NotFoundError('Alert', id);
        await appendToOutbox(tx as RawSqlClient, alertChanged(id, 'ACKNOWLEDGED'));
        return tx.alert.findUniqueOrThrow({ where: { id } });
      });
      afterCommit();
      return row;
    },

    async page(status: AlertStatus | null, size: number, after: string | null) {
      const where: Prisma.AlertWhereInput = status ? { status } : {};
      const cursor = after ? decodeCursor(after) : null;
      const keyset: Prisma.AlertWhereInput = cursor
        ? {
            OR: [
              { startedAt: { lt: new Date(String(cursor[0])) } },
              { startedAt: new Date(String(cursor[0])), id: { lt: String(cursor[1]) } },
            ],
          }
        : {};
      const [rows, total] = await Promise.all([
        db.alert.findMany({
          where: { AND: [where, keyset] },
          orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
          take: size + 1,
        }),
        db.alert.count({ where }),
      ]);
      return { rows, total };
    },
    cursorFor: (alert: Alert) => encodeCursor([alert.startedAt.toISOString(), alert.id]),
    countFiring: () => db.alert.count({ where: { status: 'FIRING' } }),

    createSilence: (
      silence: { matcher: string; until: Date; reason: string; createdBy: string | null },
      idempotency: IdempotencyRequest | null = null,
    ) =>
      db.$transaction((tx) => idempotent(tx, idempotency, () => tx.silence.create({ data: silence }), createdSilence)),
    activeSilences: (now: Date) => db.silence.findMany({ where: { until: { gt: now } }, orderBy: { until: 'asc' } }),
    updateSilence: (id: string, patch: Partial<Pick<Silence, 'matcher' | 'until' | 'reason'>>, now: Date) =>
      db.$transaction(async (tx) => {
        await silenceInForce(tx, id, now);
        return tx.silence.update({ where: { id }, data: patch });
      }),
    expireSilence: (id: string, by: string | null, now: Date) =>
      db.$transaction(async (tx) => {
        await silenceInForce(tx, id, now);
        return tx.silence.update({ where: { id }, data: { until: now, expiredAt: now, expiredBy: by } });
      }),

    attemptsOf: (alertIds: readonly string[]) =>
      db.notificationAttempt.findMany({
        where: { alertId: { in: [...alertIds] } },
        orderBy: [{ attemptedAt: 'asc' }, { attempt: 'asc' }],
      }),
  };
}

type Tx = Prisma.TransactionClient;

/**
 * Writes the notifications owed. Each joins a message of its channel, transition and group still
 * waiting within its group wait (it is sent with it), else it waits for others itself.
 */
async function owe(tx: Tx, alertId: string, drafts: NotificationDraft[], at: Date): Promise<void> {
  // The wait counts from now: a long evaluation pass must not make its last alerts miss their group.
  const written = Math.max(Date.now(), at.getTime());
  for (const { dueAt: due, ...draft } of drafts) {
    const dueAt = new Date(written + Math.max(0, due.getTime() - at.getTime()));
    const waiting = await tx.notificationDelivery.findFirst({
      where: {
        channelId: draft.channelId,
        groupKey: draft.groupKey,
        transition: draft.transition,
        repeat: draft.repeat,
        attempts: 0,
        nextAttemptAt: { gt: new Date(written), lte: dueAt },
      },
      orderBy: { nextAttemptAt: 'asc' },
      select: { nextAttemptAt: true },
    });
    await tx.notificationDelivery.create({
      data: { ...draft, alertId, nextAttemptAt: waiting?.nextAttemptAt ?? dueAt },
    });
  }
}

// A repeat answers what the first request created, as it is now; gone if deleted since.
const createdRule = entityById(
  (id, tx) => (tx as Tx).alertRule.findUnique({ where: { id } }),
  (id) => new NotFoundError('AlertRule', id),
);
/** Locks the silence's row; an unknown one is NOT_FOUND, one that has ended CONFLICT (it is history). */
async function silenceInForce(tx: Tx, id: string, now: Date): Promise<void> {
  const rows = await tx.$queryRaw<{ until: Date }[]>`SELECT "until" FROM "Silence" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError('Silence', id);
  if (rows[0]!.until <= now) throw new ConflictError('The silence has already ended');
}

const createdSilence = entityById(
  (id, tx) => (tx as Tx).silence.findUnique({ where: { id } }),
  (id) => new NotFoundError('Silence', id),
);
