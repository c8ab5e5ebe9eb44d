import type { AlertResolvers } from '../generated/graphql.ts';

export const Alert: AlertResolvers = {
  // A deleted rule's alerts stay as history (ruleName keeps its name).
  rule: async (alert, _args, { loaders }) => (alert.ruleId ? loaders.ruleById.load(alert.ruleId) : null),
  acknowledgedBy: (alert) => (alert.acknowledgedBy ? { id: alert.acknowledgedBy } : null),
  notifications: (alert, _args, { loaders }) => loaders.attemptsByAlertId.load(alert.id),
  maintenanceWindowId: (alert) => alert.maintenanceId,
};
