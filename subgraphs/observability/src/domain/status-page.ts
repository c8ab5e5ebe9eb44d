import { z } from 'zod';
import type { ServiceHealth } from './health.ts';
import {
  activeMaintenance,
  covers,
  nextOccurrences,
  type MaintenanceSubject,
  type MaintenanceWindow,
} from './maintenance.ts';

/*
 * Status pages: what the public sees of the checks an operator chose. Everything here works on
 * display names and numbers only, so nothing internal (subject names, errors, latencies) can
 * reach the public answer by accident.
 */

export type PublicComponentStatus = 'UP' | 'DEGRADED' | 'DOWN' | 'MAINTENANCE' | 'UNKNOWN';
export type IncidentStatus = 'INVESTIGATING' | 'IDENTIFIED' | 'MONITORING' | 'RESOLVED';
export type IncidentImpact = 'NONE' | 'MINOR' | 'MAJOR' | 'CRITICAL';

export const UPTIME_BAR_DAYS = 90;
/** Resolved incidents stay on the public page this long. */
export const RECENT_INCIDENT_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;

export interface StatusPageComponent {
  subject: string;
  displayName: string;
}

export interface StatusPage {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  published: boolean;
  components: StatusPageComponent[];
  createdAt: Date;
  updatedAt: Date;
}

export interface IncidentUpdate {
  id: string;
  status: IncidentStatus;
  message: string;
  createdBy: string | null;
  createdAt: Date;
}

export interface Incident {
  id: string;
  title: string;
  status: IncidentStatus;
  impact: IncidentImpact | null;
  /** Shown on every page; otherwise on `statusPageIds` only. */
  everyPage: boolean;
  statusPageIds: string[];
  createdBy: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
  /** Oldest first. */
  updates: IncidentUpdate[];
}

/** Checks counted in uptime on one UTC day: `up` of them UP or DEGRADED. */
export interface DayCount {
  /** YYYY-MM-DD (UTC). */
  date: string;
  checks: number;
  up: number;
}

export interface UptimeDay {
  date: string;
  uptime: number | null;
}

/** The UTC day of `at` as YYYY-MM-DD. */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * `days` bars ending with today (UTC), oldest first; a day without counted checks is null (no
 * data, not downtime), and `uptime` over the whole span weighs each check alike.
 */
export function uptimeBars(
  counts: readonly DayCount[],
  now: Date,
  days = UPTIME_BAR_DAYS,
): { days: UptimeDay[]; uptime: number | null } {
  const byDay = new Map<string, { checks: number; up: number }>();
  for (const count of counts) {
    const day = byDay.get(count.date) ?? { checks: 0, up: 0 };
    day.checks += count.checks;
    day.up += count.up;
    byDay.set(count.date, day);
  }
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let checks = 0;
  let up = 0;
  const bars: UptimeDay[] = [];
  for (let i = days - 1; i >= 0; i -= 1) {
    const date = dayOf(new Date(today - i * DAY_MS));
    const day = byDay.get(date);
    if (day && day.checks > 0) {
      checks += day.checks;
      up += day.up;
    }
    bars.push({ date, uptime: day && day.checks > 0 ? day.up / day.checks : null });
  }
  return { days: bars, uptime: checks === 0 ? null : up / checks };
}

/** The first day the bars cover (UTC midnight), for the query. */
export function barsFrom(now: Date, days = UPTIME_BAR_DAYS): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY_MS);
}

/** A component's public status: maintenance wins over the check; no state (or still starting) is UNKNOWN. */
export function componentStatus(health: ServiceHealth | null, inMaintenance: boolean): PublicComponentStatus {
  if (inMaintenance) return 'MAINTENANCE';
  if (health === null || health === 'STARTING') return 'UNKNOWN';
  return health;
}

const SEVERITY: Record<PublicComponentStatus, number> = { UP: 0, UNKNOWN: 1, MAINTENANCE: 2, DEGRADED: 3, DOWN: 4 };

/** The page's status: its worst component's (DOWN > DEGRADED > MAINTENANCE > UNKNOWN > UP); UP without components. */
export function overallStatus(statuses: readonly PublicComponentStatus[]): PublicComponentStatus {
  return statuses.reduce<PublicComponentStatus>((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst), 'UP');
}

/** Whether the public page shows an incident: open, or resolved within the last 7 days, and on this page (or every page). */
export function showsIncident(incident: Incident, pageId: string, now: Date): boolean {
  const onPage = incident.everyPage || incident.statusPageIds.includes(pageId);
  const recent = incident.resolvedAt === null || now.getTime() - incident.resolvedAt.getTime() <= RECENT_INCIDENT_MS;
  return onPage && recent;
}

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])$/;

const componentSchema = z.object({
  subject: z.string().trim().min(1, 'must not be empty').max(200),
  displayName: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
});
const slug = z
  .string()
  .trim()
  .regex(SLUG_PATTERN, 'must be 2 to 64 characters of a-z, 0-9 and -, starting and ending with a letter or digit');
const title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const description = z.string().trim().max(1000, 'must be at most 1000 characters');
const components = z.array(componentSchema).max(100, 'at most 100 components');

export const statusPageInputSchema = z.object({
  slug,
  title,
  description: description.nullish().transform((d) => d || null),
  published: z
    .boolean()
    .nullish()
    .transform((p) => p ?? false),
  components: components.nullish().transform((c) => c ?? []),
});
export const updateStatusPageInputSchema = z.object({
  slug: slug.nullish().transform((s) => s ?? undefined),
  title: title.nullish().transform((t) => t ?? undefined),
  description: description.nullish().transform((d) => (d === undefined ? undefined : d || null)),
  published: z
    .boolean()
    .nullish()
    .transform((p) => p ?? undefined),
  components: components.nullish().transform((c) => c ?? undefined),
});
export const incidentMessage = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(5000, 'must be at most 5000 characters');
export const incidentInputSchema = z.object({
  title,
  status: z
    .enum(['INVESTIGATING', 'IDENTIFIED', 'MONITORING'], { message: 'an incident cannot open RESOLVED' })
    .nullish()
    .transform((s) => s ?? 'INVESTIGATING'),
  impact: z
    .enum(['NONE', 'MINOR', 'MAJOR', 'CRITICAL'])
    .nullish()
    .transform((i) => i ?? null),
  statusPageIds: z
    .array(z.uuid('must be status page ids'))
    .max(100)
    .nullish()
    .transform((ids) => [...new Set(ids ?? [])]),
  message: incidentMessage,
});

export type StatusPageInput = z.output<typeof statusPageInputSchema>;
export type StatusPagePatch = z.output<typeof updateStatusPageInputSchema>;
export type IncidentInput = z.output<typeof incidentInputSchema>;

export interface PublicMaintenance {
  title: string;
  startsAt: Date;
  endsAt: Date;
  activeNow: boolean;
}

/**
 * Maintenance as a status page shows it: the windows going on or coming up that touch the page's
 * subjects (soonest first), and which of those subjects are in maintenance now.
 */
export interface PageMaintenance {
  windows: PublicMaintenance[];
  subjectsInMaintenance: ReadonlySet<string>;
}

/** Maintenance coming up this soon is announced on the page. */
export const UPCOMING_MAINTENANCE_MS = 7 * DAY_MS;

/**
 * A page's maintenance: every window covering one of its subjects, with its occurrence in force or
 * starting within UPCOMING_MAINTENANCE_MS (the window's title is what the public reads of it).
 */
export function pageMaintenance(
  windows: readonly MaintenanceWindow[],
  subjects: readonly MaintenanceSubject[],
  now: Date,
): PageMaintenance {
  const shown: PublicMaintenance[] = [];
  for (const window of windows) {
    if (!subjects.some((subject) => covers(window, subject))) continue;
    const [next] = nextOccurrences(window, now);
    if (!next || next.startsAt.getTime() - now.getTime() > UPCOMING_MAINTENANCE_MS) continue;
    shown.push({ title: window.title, ...next, activeNow: next.startsAt <= now });
  }
  return {
    windows: shown.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    subjectsInMaintenance: new Set(
      subjects.filter((subject) => activeMaintenance(windows, subject, now)).map((subject) => subject.name),
    ),
  };
}

export interface PublicStatusPageView {
  title: string;
  description: string | null;
  status: PublicComponentStatus;
  components: {
    displayName: string;
    status: PublicComponentStatus;
    uptimeDays: UptimeDay[];
    uptime90: number | null;
  }[];
  incidents: {
    id: string;
    title: string;
    status: IncidentStatus;
    impact: IncidentImpact | null;
    createdAt: Date;
    resolvedAt: Date | null;
    updates: { status: IncidentStatus; message: string; createdAt: Date }[];
  }[];
  maintenance: PublicMaintenance[];
  updatedAt: Date;
}

/**
 * The public answer for a page, built field by field from what may be shown: display names,
 * statuses, bars, incidents' texts. Subjects are only used as keys and never copied out.
 */
export function publicView(
  page: StatusPage,
  facts: {
    health: ReadonlyMap<string, ServiceHealth>;
    counts: ReadonlyMap<string, readonly DayCount[]>;
    incidents: readonly Incident[];
    maintenance: PageMaintenance;
  },
  now: Date,
): PublicStatusPageView {
  const components = page.components.map(({ subject, displayName }) => {
    const bars = uptimeBars(facts.counts.get(subject) ?? [], now);
    return {
      displayName,
      status: componentStatus(facts.health.get(subject) ?? null, facts.maintenance.subjectsInMaintenance.has(subject)),
      uptimeDays: bars.days,
      uptime90: bars.uptime,
    };
  });
  return {
    title: page.title,
    description: page.description,
    status: overallStatus(components.map((c) => c.status)),
    components,
    incidents: facts.incidents
      .filter((incident) => showsIncident(incident, page.id, now))
      .map((incident) => ({
        id: incident.id,
        title: incident.title,
        status: incident.status,
        impact: incident.impact,
        createdAt: incident.createdAt,
        resolvedAt: incident.resolvedAt,
        updates: [...incident.updates]
          .reverse()
          .map(({ status, message, createdAt }) => ({ status, message, createdAt })),
      })),
    maintenance: facts.maintenance.windows.map(({ title, startsAt, endsAt, activeNow }) => ({
      title,
      startsAt,
      endsAt,
      activeNow,
    })),
    updatedAt: now,
  };
}
