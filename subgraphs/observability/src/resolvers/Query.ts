import { pageSize, parseInput, toConnection } from '@switchyard/shared';
import type { QueryResolvers } from '../generated/graphql.ts';
import { readerOf } from '../domain/activity.ts';
import { inListOrder, occurrenceAt } from '../domain/maintenance.ts';
import { nextRunOf } from '../jobs/backup-scheduler.ts';
import { backupsFirstSchema } from './Backup.ts';
import { activityFilterSchema } from './ActivityEntry.ts';
import { OVERVIEW_SCOPE } from './Overview.ts';
import { statusPageQueries } from './StatusPage.ts';
import { WEBHOOK_EVENT_TYPES, exampleEnvelope, isSubscribable } from '../domain/webhook-events.ts';

export const Query: QueryResolvers = {
  ...statusPageQueries,

  services: (_parent, _args, { checks }) => checks.states(),

  circuitBreakers: (_parent, _args, { overview }) => overview.breakers(),

  alerts: async (_parent, { status, first, after }, { alerts }) => {
    const size = pageSize(first);
    const { rows, total } = await alerts.page(status ?? null, size, after ?? null);
    return toConnection(rows, size, alerts.cursorFor, total);
  },

  alertRules: (_parent, _args, { alerts }) => alerts.rules(),

  webhookEventTypes: () =>
    WEBHOOK_EVENT_TYPES.map((info) => ({
      type: info.type,
      description: info.description,
      adminOnly: info.adminOnly,
      subscribable: isSubscribable(info.type),
      example: exampleEnvelope(info),
    })),

  webhookEndpoints: (_parent, _args, { webhookAdmin, principal }) => webhookAdmin.endpoints(principal!),

  webhookDeliveries: async (_parent, { endpointId, filter, first, after }, { webhookAdmin, webhooks, principal }) => {
    const size = pageSize(first);
    const { rows, total } = await webhookAdmin.deliveries(principal!, endpointId, filter ?? {}, size, after ?? null);
    return toConnection(rows, size, webhooks.deliveryCursor, total);
  },

  notificationChannels: (_parent, _args, { channelAdmin }) => channelAdmin.list(),

  silences: (_parent, _args, { alerts }) => alerts.activeSilences(new Date()),

  monitors: (_parent, { storeId }, { monitors }) => monitors.list(storeId ?? null),

  monitor: (_parent, { id }, { monitorAdmin }) => monitorAdmin.findById(id),

  activity: async (_parent, { filter, first, after }, { activity, householdOfReader, principal }) => {
    const size = pageSize(first);
    const { rows, total } = await activity.page(
      parseInput(activityFilterSchema, filter ?? {}, 'filter'),
      readerOf(principal!, await householdOfReader(principal!.userId)),
      size,
      after ?? null,
    );
    return toConnection(rows, size, activity.cursorFor, total);
  },

  // Each Overview field is its own resolver: a dashboard polling two figures pays for two.
  overview: () => ({ scope: OVERVIEW_SCOPE }),

  backups: (_parent, { first }, { backups }) => backups.list(parseInput(backupsFirstSchema, first ?? 20, 'first')),

  backupSettings: async (_parent, _args, { backups, backupSettings }) => ({
    schedule: backupSettings.schedule,
    nextRunAt: nextRunOf(backupSettings.schedule),
    keepLast: backupSettings.keep.last,
    keepDaily: backupSettings.keep.daily,
    keepWeekly: backupSettings.keep.weekly,
    s3Enabled: backupSettings.s3 !== null,
    lastSucceededAt: (await backups.lastSucceeded())?.finishedAt ?? null,
  }),

  maintenanceWindows: async (_parent, { activeOnly }, { maintenance, now }) => {
    const windows = inListOrder(await maintenance.windows(), now);
    return activeOnly ? windows.filter((window) => occurrenceAt(window, now) !== null) : windows;
  },
};
