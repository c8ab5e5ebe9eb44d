// The maintenance tab: windows in which checks run but alerts neither fire nor notify.
import { graphql } from '$lib/graphql/generated/index.js';

export const MaintenanceWindowFieldsFragment = graphql(`
  fragment MaintenanceWindowFields on MaintenanceWindow {
    id
    title
    description
    scope
    store {
      id
      name
    }
    subjects
    startsAt
    endsAt
    recurrence {
      kind
      weekdays
      startTime
      durationMinutes
      cron
    }
    timeZone
    activeNow
    nextStartsAt
    nextEndsAt
    createdAt
    createdBy {
      id
      displayName
    }
  }
`);

export const MaintenanceWindowsQuery = graphql(`
  query MaintenanceWindows {
    maintenanceWindows {
      ...MaintenanceWindowFields
    }
  }
`);

/** What a window can cover: the stores and the health matrix's subjects. */
export const MaintenanceChoicesQuery = graphql(`
  query MaintenanceChoices {
    services {
      name
    }
    stores(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const CreateMaintenanceWindowMutation = graphql(`
  mutation CreateMaintenanceWindow($input: MaintenanceWindowInput!) {
    createMaintenanceWindow(input: $input) {
      ...MaintenanceWindowFields
    }
  }
`);

export const UpdateMaintenanceWindowMutation = graphql(`
  mutation UpdateMaintenanceWindow($id: ID!, $input: MaintenanceWindowInput!) {
    updateMaintenanceWindow(id: $id, input: $input) {
      ...MaintenanceWindowFields
    }
  }
`);

export const DeleteMaintenanceWindowMutation = graphql(`
  mutation DeleteMaintenanceWindow($id: ID!) {
    deleteMaintenanceWindow(id: $id)
  }
`);

/** ISO weekdays as the API counts them, Monday first. */
export const WEEKDAYS = [
  { day: 1, label: 'Monday' },
  { day: 2, label: 'Tuesday' },
  { day: 3, label: 'Wednesday' },
  { day: 4, label: 'Thursday' },
  { day: 5, label: 'Friday' },
  { day: 6, label: 'Saturday' },
  { day: 7, label: 'Sunday' },
];

/** How long, in words: 90 → "1 h 30 min". */
export function durationText(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`].filter(Boolean).join(' ') || '0 min';
}

/** When a window happens, in one line: "Once", "Mondays, Wednesdays at 22:00 (Europe/Berlin) for 1 h 30 min". */
export function scheduleText(window: {
  recurrence: {
    kind: string;
    weekdays: number[];
    startTime?: string | null;
    durationMinutes: number;
    cron?: string | null;
  } | null;
  timeZone: string;
}): string {
  const r = window.recurrence;
  if (!r) return 'Once';
  const length = durationText(r.durationMinutes);
  if (r.kind === 'CRON') return `Cron ${r.cron} (${window.timeZone}) for ${length}`;
  const days = r.weekdays.map((d) => `${WEEKDAYS[d - 1]!.label}s`).join(', ');
  return `${days} at ${r.startTime} (${window.timeZone}) for ${length}`;
}
