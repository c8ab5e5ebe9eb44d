import { NotFoundError, idempotencyRequest, parseInput } from '@switchyard/shared';
import { auditEvent } from '../domain/events.ts';
import type { MutationResolvers } from '../generated/graphql.ts';
import {
  alertRuleInputSchema,
  alertRulePatchSchema,
  breakerResetSchema,
  noteSchema,
  silencePatchSchema,
  silenceSchema,
  uuidSchema,
} from '../domain/alert-input.ts';
import { maintenanceInputSchema } from '../domain/maintenance.ts';
import { statusPageMutations } from './StatusPage.ts';

const idOf = (id: string, entity: string) => {
  if (!uuidSchema.safeParse(id).success) throw new NotFoundError(entity, id);
  return id;
};

export const Mutation: MutationResolvers = {
  ...statusPageMutations,

  createWebhookEndpoint: (_parent, { input }, { webhookAdmin, principal }) => webhookAdmin.create(principal!, input),
  updateWebhookEndpoint: (_parent, { id, input }, { webhookAdmin, principal }) =>
    webhookAdmin.update(principal!, id, input),
  rotateWebhookSecret: (_parent, { id }, { webhookAdmin, principal }) => webhookAdmin.rotate(principal!, id),
  deleteWebhookEndpoint: (_parent, { id }, { webhookAdmin, principal }) => webhookAdmin.delete(principal!, id),
  redeliverWebhook: (_parent, { deliveryId }, { webhookAdmin, principal }) =>
    webhookAdmin.redeliver(principal!, deliveryId),
  pingWebhookEndpoint: (_parent, { id }, { webhookAdmin, principal }) => webhookAdmin.ping(principal!, id),

  createAlertRule: async (_parent, { idempotencyKey, ...args }, { alerts, channelAdmin, principal }) => {
    const rule = parseInput(alertRuleInputSchema, args.input, 'input');
    await channelAdmin.checkChannelIds(rule.channelIds, 'input.channelIds');
    return alerts.createRule(rule, idempotencyRequest(idempotencyKey, principal, 'createAlertRule', args));
  },

  updateAlertRule: async (_parent, { id, input }, { alerts, channelAdmin }) => {
    const patch = parseInput(alertRulePatchSchema, input, 'input');
    await channelAdmin.checkChannelIds(patch.channelIds as string[] | undefined, 'input.channelIds');
    const current = await alerts.ruleById(idOf(id, 'AlertRule'));
    if (!current) throw new NotFoundError('AlertRule', id);
    // What each kind needs (a latency rule its threshold…) must hold for the rule as it will be.
    parseInput(alertRuleInputSchema, { ...current, ...patch }, 'input');
    return alerts.updateRule(current.id, patch);
  },

  deleteAlertRule: (_parent, { id }, { alerts }) => alerts.deleteRule(idOf(id, 'AlertRule')),

  acknowledgeAlert: (_parent, { id, note }, { alerts, principal }) =>
    alerts.acknowledge(idOf(id, 'Alert'), principal!.userId, parseInput(noteSchema, note, 'note'), new Date()),

  createSilence: (_parent, { idempotencyKey, ...args }, { alerts, principal }) =>
    alerts.createSilence(
      { ...parseInput(silenceSchema, args), createdBy: principal!.kind === 'user' ? principal!.userId : null },
      idempotencyRequest(idempotencyKey, principal, 'createSilence', args),
    ),

  updateSilence: async (_parent, { id, input }, { alerts, activity, principal }) => {
    const patch = parseInput(silencePatchSchema, input, 'input');
    const now = new Date();
    const silence = await alerts.updateSilence(idOf(id, 'Silence'), patch, now);
    await activity.ingest('observability', [
      auditEvent('SilenceUpdated', 'Silence', silence.id, principal, { silenceId: silence.id, ...changed(patch) }, now),
    ]);
    return silence;
  },

  expireSilence: async (_parent, { id }, { alerts, activity, principal }) => {
    const now = new Date();
    const silence = await alerts.expireSilence(idOf(id, 'Silence'), principal!.userId, now);
    await activity.ingest('observability', [
      auditEvent(
        'SilenceExpired',
        'Silence',
        silence.id,
        principal,
        { silenceId: silence.id, matcher: silence.matcher, reason: silence.reason },
        now,
      ),
    ]);
    return silence;
  },

  resetCircuitBreaker: (_parent, args, { resetBreaker, principal }) => {
    const { service, name, reason } = parseInput(breakerResetSchema, args);
    return resetBreaker({ service, name }, reason, principal!);
  },
  createNotificationChannel: (_parent, { input }, { channelAdmin, principal }) =>
    channelAdmin.create(principal!, input),
  updateNotificationChannel: (_parent, { id, input }, { channelAdmin, principal }) =>
    channelAdmin.update(principal!, id, input),
  deleteNotificationChannel: (_parent, { id }, { channelAdmin }) => channelAdmin.delete(id),
  sendTestNotification: (_parent, { id }, { channelAdmin }) => channelAdmin.sendTest(id),

  startBackup: (_parent, _args, { backupService, principal }) => backupService.start('MANUAL', principal!.userId),

  createMonitor: (_parent, { input }, { monitorAdmin }) => monitorAdmin.create(input),
  updateMonitor: (_parent, { id, input }, { monitorAdmin }) => monitorAdmin.update(id, input),
  deleteMonitor: (_parent, { id }, { monitorAdmin }) => monitorAdmin.delete(id),
  rotatePushUrl: (_parent, { id }, { monitorAdmin }) => monitorAdmin.rotatePushUrl(id),
  checkMonitorNow: (_parent, { id }, { monitorAdmin }) => monitorAdmin.checkNow(id),
  createMaintenanceWindow: (_parent, { input }, { maintenance, principal }) =>
    maintenance.create(
      parseInput(maintenanceInputSchema, input, 'input'),
      principal!.kind === 'user' ? principal!.userId : null,
    ),
  updateMaintenanceWindow: (_parent, { id, input }, { maintenance }) =>
    maintenance.update(idOf(id, 'MaintenanceWindow'), parseInput(maintenanceInputSchema, input, 'input')),
  deleteMaintenanceWindow: (_parent, { id }, { maintenance }) => maintenance.delete(idOf(id, 'MaintenanceWindow')),
};

/** A silence's changes as the feed shows them (dates as ISO text). */
function changed(patch: { matcher?: string; until?: Date; reason?: string }): Record<string, string> {
  return Object.fromEntries(
    Object.entries(patch).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : String(value)]),
  );
}
