// The public status page: what anyone may read of a published page, no sign-in.
import { graphql } from '$lib/graphql/generated/index.js';

export const PublicStatusPageQuery = graphql(`
  query PublicStatusPage($slug: String!) {
    publicStatusPage(slug: $slug) {
      title
      description
      status
      updatedAt
      components {
        displayName
        status
        uptime90
        uptimeDays {
          date
          uptime
        }
      }
      incidents {
        id
        title
        status
        impact
        createdAt
        resolvedAt
        updates {
          status
          message
          createdAt
        }
      }
      maintenance {
        title
        startsAt
        endsAt
        activeNow
      }
    }
  }
`);

/** How often an open page asks again: a signed-out browser has no websocket to the gateway. */
export const REFRESH_MS = 10_000;

const HEADLINES: Record<string, string> = {
  UP: 'All systems operational',
  DEGRADED: 'Some systems are slow',
  DOWN: 'Some systems are down',
  MAINTENANCE: 'Planned maintenance in progress',
  UNKNOWN: 'Status not known yet',
};
export const headline = (status: string) => HEADLINES[status] ?? status;

/** A bar's share as text: "99.95 %", or "No data". */
export function percent(uptime: number | null | undefined): string {
  if (uptime === null || uptime === undefined) return 'No data';
  const value = uptime * 100;
  return `${value === 100 ? '100' : value.toFixed(2)} %`;
}

/** A bar's tone: full, a little, a lot missing, or unknown. */
export function barTone(uptime: number | null): 'none' | 'ok' | 'warn' | 'danger' {
  if (uptime === null) return 'none';
  if (uptime >= 0.999) return 'ok';
  if (uptime >= 0.95) return 'warn';
  return 'danger';
}
