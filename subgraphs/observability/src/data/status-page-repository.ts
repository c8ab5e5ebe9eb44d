import { BadUserInputError, NotFoundError } from '@switchyard/shared';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { ServiceHealth } from '../domain/health.ts';
import {
  RECENT_INCIDENT_MS,
  type DayCount,
  type Incident,
  type IncidentInput,
  type IncidentStatus,
  type StatusPage,
  type StatusPageComponent,
  type StatusPageInput,
  type StatusPagePatch,
} from '../domain/status-page.ts';

const pageInclude = { components: { orderBy: { position: 'asc' } } } as const;
const incidentInclude = { updates: { orderBy: { createdAt: 'asc' } }, pages: true } as const;

type PageRow = Prisma.StatusPageGetPayload<{ include: typeof pageInclude }>;
type IncidentRow = Prisma.IncidentGetPayload<{ include: typeof incidentInclude }>;

const pageOf = ({ components, createdBy: _createdBy, ...page }: PageRow): StatusPage => ({
  ...page,
  components: components.map(({ subject, displayName }) => ({ subject, displayName })),
});

const incidentOf = ({ pages, updates, ...incident }: IncidentRow): Incident => ({
  ...incident,
  statusPageIds: pages.map((p) => p.statusPageId),
  updates,
});

/**
 * Status pages (with their ordered components) and incidents (with their updates), and the daily
 * check counts the public bars are drawn from.
 */
export function createStatusPageRepository(db: PrismaClient) {
  /** BAD_USER_INPUT (`<field>.<i>.subject`) for a subject without a ServiceState. */
  async function checkSubjects(components: readonly StatusPageComponent[], field: string) {
    const known = new Set(
      (
        await db.serviceState.findMany({
          where: { name: { in: components.map((c) => c.subject) } },
          select: { name: true },
        })
      ).map((s) => s.name),
    );
    const unknown = components.findIndex((c) => !known.has(c.subject));
    if (unknown >= 0)
      throw new BadUserInputError(
        `${field}.${unknown}.subject`,
        `${components[unknown]!.subject} is not a checked service`,
      );
  }

  const componentRows = (components: readonly StatusPageComponent[]) =>
    components.map((c, position) => ({ position, subject: c.subject, displayName: c.displayName }));

  return {
    /** By title. */
    pages: async () =>
      (await db.statusPage.findMany({ include: pageInclude, orderBy: [{ title: 'asc' }, { slug: 'asc' }] })).map(
        pageOf,
      ),

    pagesByIds: async (ids: readonly string[]) =>
      (await db.statusPage.findMany({ where: { id: { in: [...ids] } }, include: pageInclude })).map(pageOf),

    bySlug: async (slug: string) => {
      const row = await db.statusPage.findUnique({ where: { slug }, include: pageInclude });
      return row ? pageOf(row) : null;
    },

    async createPage(input: StatusPageInput, createdBy: string | null): Promise<StatusPage> {
      await checkSubjects(input.components, 'input.components');
      const { components, ...page } = input;
      return pageOf(
        await db.statusPage.create({
          data: { ...page, createdBy, components: { create: componentRows(components) } },
          include: pageInclude,
        }),
      );
    },

    /** NOT_FOUND for an unknown page; `components` replaces the list. */
    async updatePage(id: string, patch: StatusPagePatch): Promise<StatusPage> {
      const { components, ...fields } = patch;
      if (components) await checkSubjects(components, 'input.components');
      return db.$transaction(async (tx) => {
        if (!(await tx.statusPage.findUnique({ where: { id }, select: { id: true } })))
          throw new NotFoundError('StatusPage', id);
        if (components) await tx.statusPageComponent.deleteMany({ where: { statusPageId: id } });
        return pageOf(
          await tx.statusPage.update({
            where: { id },
            data: {
              ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
              ...(components ? { components: { create: componentRows(components) } } : {}),
            },
            include: pageInclude,
          }),
        );
      });
    },

    deletePage: async (id: string) => (await db.statusPage.deleteMany({ where: { id } })).count > 0,

    /** Open ones and the last 100 resolved, newest first. */
    async incidents(): Promise<Incident[]> {
      const [open, resolved] = await Promise.all([
        db.incident.findMany({ where: { resolvedAt: null }, include: incidentInclude, orderBy: { createdAt: 'desc' } }),
        db.incident.findMany({
          where: { resolvedAt: { not: null } },
          include: incidentInclude,
          orderBy: { resolvedAt: 'desc' },
          take: 100,
        }),
      ]);
      return [...open, ...resolved].map(incidentOf).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    },

    /** Open, or resolved since `now` minus 7 days, on `pageId` or on every page; newest first. */
    publicIncidents: async (pageId: string, now: Date) =>
      (
        await db.incident.findMany({
          where: {
            AND: [
              { OR: [{ resolvedAt: null }, { resolvedAt: { gte: new Date(now.getTime() - RECENT_INCIDENT_MS) } }] },
              { OR: [{ everyPage: true }, { pages: { some: { statusPageId: pageId } } }] },
            ],
          },
          include: incidentInclude,
          orderBy: { createdAt: 'desc' },
          take: 50,
        })
      ).map(incidentOf),

    /** BAD_USER_INPUT for an unknown status page id. */
    async createIncident(input: IncidentInput, createdBy: string | null): Promise<Incident> {
      const found = await db.statusPage.count({ where: { id: { in: input.statusPageIds } } });
      if (found !== input.statusPageIds.length)
        throw new BadUserInputError('input.statusPageIds', 'An id is not a status page');
      return incidentOf(
        await db.incident.create({
          data: {
            title: input.title,
            status: input.status,
            impact: input.impact,
            everyPage: input.statusPageIds.length === 0,
            createdBy,
            pages: { create: input.statusPageIds.map((statusPageId) => ({ statusPageId })) },
            updates: { create: { status: input.status, message: input.message, createdBy } },
          },
          include: incidentInclude,
        }),
      );
    },

    /** RESOLVED sets resolvedAt (once); another status clears it. NOT_FOUND for an unknown incident. */
    async postUpdate(
      incidentId: string,
      status: IncidentStatus,
      message: string,
      createdBy: string | null,
    ): Promise<Incident> {
      return db.$transaction(async (tx) => {
        const incident = await tx.incident.findUnique({ where: { id: incidentId } });
        if (!incident) throw new NotFoundError('Incident', incidentId);
        await tx.incidentUpdate.create({ data: { incidentId, status, message, createdBy } });
        return incidentOf(
          await tx.incident.update({
            where: { id: incidentId },
            data: {
              status,
              resolvedAt: status === 'RESOLVED' ? (incident.resolvedAt ?? new Date()) : null,
            },
            include: incidentInclude,
          }),
        );
      });
    },

    /** The current health of `subjects` (absent: never checked). */
    async healthOf(subjects: readonly string[]): Promise<Map<string, ServiceHealth>> {
      const rows = await db.serviceState.findMany({
        where: { name: { in: [...subjects] } },
        select: { name: true, status: true },
      });
      return new Map(rows.map((r) => [r.name, r.status as ServiceHealth]));
    },

    /**
     * Counted checks per subject and UTC day since `from`: hourly roll-ups for the hours before a
     * subject's oldest kept raw check, raw checks after (as `uptimes` does, so no hour counts twice;
     * today's unfinished hours come from the raw checks).
     */
    async dailyCounts(subjects: readonly string[], from: Date): Promise<Map<string, DayCount[]>> {
      const result = new Map<string, DayCount[]>(subjects.map((s) => [s, []]));
      if (subjects.length === 0) return result;
      const list = [...subjects];
      const rows = await db.$queryRaw<{ service: string; day: string; checks: bigint; up: bigint }[]>(Prisma.sql`
        WITH raw_from AS (
          SELECT "service", date_trunc('hour', min("checkedAt")) AS "from"
            FROM "ServiceCheck" WHERE "service" = ANY(${list}) GROUP BY "service"
        ), counted AS (
          SELECT h."service", h."hour" AS "at", h."checks" AS "checks", h."upChecks" AS "up"
            FROM "ServiceCheckHourly" h LEFT JOIN raw_from r ON r."service" = h."service"
           WHERE h."service" = ANY(${list}) AND h."hour" >= ${from} AND (r."from" IS NULL OR h."hour" < r."from")
          UNION ALL
          SELECT "service", "checkedAt", 1, CASE WHEN "status" = 'DOWN' THEN 0 ELSE 1 END
            FROM "ServiceCheck"
           WHERE "service" = ANY(${list}) AND "checkedAt" >= ${from} AND "status" IN ('UP', 'DEGRADED', 'DOWN')
        )
        SELECT "service", to_char(date_trunc('day', "at"), 'YYYY-MM-DD') AS "day",
               sum("checks")::bigint AS "checks", sum("up")::bigint AS "up"
          FROM counted GROUP BY 1, 2`);
      for (const row of rows)
        result.get(row.service)?.push({ date: row.day, checks: Number(row.checks), up: Number(row.up) });
      return result;
    },
  };
}

export type StatusPageRepository = ReturnType<typeof createStatusPageRepository>;
