import { NotFoundError } from '@switchyard/shared';
import type { AlertResolvers } from '../generated/graphql.ts';

export const Alert: AlertResolvers = {
  rule: async (alert, _args, { loaders }) =>
    (await loaders.ruleById.load(alert.ruleId)) ?? Promise.reject(new NotFoundError('AlertRule', alert.ruleId)),
  acknowledgedBy: (alert) => (alert.acknowledgedBy ? { id: alert.acknowledgedBy } : null),
  notifications: (alert, _args, { loaders }) => loaders.attemptsByAlertId.load(alert.id),
};
