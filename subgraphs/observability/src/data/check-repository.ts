import { appendToOutbox, type RawSqlClient } from '@switchyard/shared';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { serviceStatusChanged } from '../domain/events.ts';
import { COUNTED_IN_UPTIME, type CheckOutcome, type ServiceHealth, type ServiceKind } from '../domain/health.ts';
import type { CounterSample, OperationCounts } from '../domain/operation-counts.ts';
import type { CheckTarget } from '../domain/types.ts';
import type { CheckRepository } from './repositories.ts';

const HOUR_MS = 3_600_000;

/** Check results: the latest state per target, the raw history and its hourly roll-ups. */
export function createCheckRepository(db: PrismaClient, afterCommit: () => void): CheckRepository {
  return {
    /** Records one check; a changed status also records ServiceStatusChanged in the same transaction. */
    async record(
      target: CheckTarget,
      outcome: CheckOutcome,
      status: ServiceHealth,
      checkedAt: Date,
      counts: OperationCounts | null = null,
    ) {
      const changed = await db.$transaction(async (tx) => {
        const current = await tx.serviceState.findUnique({ where: { name: target.name } });
        const changed = current?.status !== status;
        const latencyMs = outcome.ok && outcome.latencyMs !== null ? Math.round(outcome.latencyMs) : null;
        const row = {
          kind: target.kind,
          status,
          latencyMs,
          error: outcome.error,
          consecutiveFailures: status === 'DOWN' ? (current?.consecutiveFailures ?? 0) + 1 : 0,
          lastCheckedAt: checkedAt,
          lastChangeAt: changed ? checkedAt : current!.lastChangeAt,
        };
        await tx.serviceState.upsert({
          where: { name: target.name },
          create: { name: target.name, ...row },
          update: row,
        });
        const counters = counts
          ? { operations: BigInt(counts.operations), serverErrors: BigInt(counts.serverErrors) }
          : {};
        await tx.serviceCheck.create({
          data: { service: target.name, status, latencyMs, error: outcome.error, checkedAt, ...counters },
        });
        if (changed)
          await appendToOutbox(
            tx as RawSqlClient,
            serviceStatusChanged(target.name, { status, previous: current?.status ?? null }),
          );
        return changed;
      });
      if (changed) afterCommit();
    },

    states: () => db.serviceState.findMany({ orderBy: { name: 'asc' } }),

    /** Forgets the targets of `kind` not in `names` (a hub that was removed), with their history. */
    async retainOnly(kind: ServiceKind, names: string[]) {
      const gone = (
        await db.serviceState.findMany({ where: { kind, name: { notIn: names } }, select: { name: true } })
      ).map((s) => s.name);
      if (gone.length === 0) return;
      await db.$transaction([
        db.serviceState.deleteMany({ where: { name: { in: gone } } }),
        db.serviceCheck.deleteMany({ where: { service: { in: gone } } }),
      ]);
    },
    state: (name: string) => db.serviceState.findUnique({ where: { name } }),

    /** Latencies of the last `count` checks, newest first (null for failed checks). */
    recentLatencies: async (service: string, count: number) =>
      (
        await db.serviceCheck.findMany({
          where: { service },
          orderBy: { checkedAt: 'desc' },
          take: count,
          select: { latencyMs: true },
        })
      ).map((c) => c.latencyMs),

    /** Every service's operation counters since `from`, oldest first. */
    async counterSamples(from: Date): Promise<Map<string, CounterSample[]>> {
      const rows = await db.serviceCheck.findMany({
        where: { checkedAt: { gte: from }, operations: { not: null } },
        orderBy: { checkedAt: 'asc' },
        select: { service: true, checkedAt: true, operations: true, serverErrors: true },
      });
      const samples = new Map<string, CounterSample[]>();
      for (const row of rows) {
        const list = samples.get(row.service) ?? [];
        list.push({
          atMs: row.checkedAt.getTime(),
          operations: Number(row.operations),
          serverErrors: Number(row.serverErrors ?? 0),
        });
        samples.set(row.service, list);
      }
      return samples;
    },

    history: (service: string, from: Date, to: Date) =>
      db.serviceCheck.findMany({
        where: { service, checkedAt: { gte: from, lte: to } },
        orderBy: { checkedAt: 'asc' },
        take: 10_000,
      }),

    /**
     * Share of UP/DEGRADED checks since `from`, of those that found it UP, DEGRADED or DOWN (checks
     * while it was starting count neither way): raw checks where kept, hourly roll-ups for the
     * hours before them (raw checks are deleted in whole hours, so no hour counts twice). Three
     * queries for all of `services`, not three per service: the health page asks for every
     * service's uptime over three windows at once.
     */
    async uptimes(services: readonly string[], from: Date): Promise<Map<string, number | null>> {
      const [oldest, raw] = await Promise.all([
        db.serviceCheck.groupBy({
          by: ['service'],
          where: { service: { in: [...services] } },
          _min: { checkedAt: true },
        }),
        db.serviceCheck.groupBy({
          by: ['service', 'status'],
          where: { service: { in: [...services] }, checkedAt: { gte: from }, status: { in: [...COUNTED_IN_UPTIME] } },
          _count: true,
        }),
      ]);
      const rawFrom = new Map(
        oldest.map((o) => [o.service, new Date(Math.floor(o._min.checkedAt!.getTime() / HOUR_MS) * HOUR_MS)]),
      );
      const rolled = await db.serviceCheckHourly.groupBy({
        by: ['service'],
        where: {
          OR: services.map((service) => ({
            service,
            hour: { gte: from, ...(rawFrom.has(service) ? { lt: rawFrom.get(service) } : {}) },
          })),
        },
        _sum: { checks: true, upChecks: true },
      });
      const counts = new Map(services.map((service) => [service, { total: 0, up: 0 }]));
      for (const group of raw) {
        const count = counts.get(group.service)!;
        count.total += group._count;
        if (group.status !== 'DOWN') count.up += group._count;
      }
      for (const group of rolled) {
        const count = counts.get(group.service)!;
        count.total += group._sum.checks ?? 0;
        count.up += group._sum.upChecks ?? 0;
      }
      return new Map([...counts].map(([service, { total, up }]) => [service, total === 0 ? null : up / total]));
    },

    /**
     * Rolls the finished hours before `before` up (checks while starting are left out, as uptime
     * leaves them). Idempotent, and an hour's numbers only ever grow: recounting an hour whose raw
     * checks retention is deleting at that moment leaves the complete count in place.
     */
    async rollUp(before: Date) {
      await db.$executeRawUnsafe(
        `INSERT INTO "ServiceCheckHourly" ("service", "hour", "checks", "upChecks", "avgLatencyMs")
         SELECT "service", date_trunc('hour', "checkedAt"), count(*)::int, count(*) FILTER (WHERE "status" <> 'DOWN')::int, avg("latencyMs")::int
         FROM "ServiceCheck" WHERE "checkedAt" < date_trunc('hour', $1::timestamp) AND "status" <> 'STARTING'
         GROUP BY 1, 2
         ON CONFLICT ("service", "hour") DO UPDATE SET "checks" = EXCLUDED."checks", "upChecks" = EXCLUDED."upChecks", "avgLatencyMs" = EXCLUDED."avgLatencyMs"
         WHERE EXCLUDED."checks" >= "ServiceCheckHourly"."checks"`,
        before,
      );
    },
  };
}
