import type { MaintenanceRecurrenceResolvers, MaintenanceWindowResolvers } from '../generated/graphql.ts';
import { nextOccurrences, occurrenceAt } from '../domain/maintenance.ts';

export const MaintenanceWindow: MaintenanceWindowResolvers = {
  store: (window) => (window.storeId ? { id: window.storeId } : null),
  recurrence: (window) => (window.recurrence ? window : null),
  activeNow: (window, _args, { now }) => occurrenceAt(window, now) !== null,
  nextStartsAt: (window, _args, { now }) => nextOccurrences(window, now)[0]?.startsAt ?? null,
  nextEndsAt: (window, _args, { now }) => nextOccurrences(window, now)[0]?.endsAt ?? null,
  createdBy: (window) => (window.createdBy ? { id: window.createdBy } : null),
};

export const MaintenanceRecurrence: MaintenanceRecurrenceResolvers = {
  kind: (window) => window.recurrence!,
  durationMinutes: (window) => window.durationMinutes!,
};
