import { NotFoundError, parseInput } from '@switchyard/shared';
import type { MutationResolvers } from '../generated/graphql.ts';
import { alertRuleInputSchema, alertRulePatchSchema, noteSchema, silenceSchema, uuidSchema } from '../domain/alert-input.ts';

const idOf = (id: string, entity: string) => {
  if (!uuidSchema.safeParse(id).success) throw new NotFoundError(entity, id);
  return id;
};

export const Mutation: MutationResolvers = {
  createAlertRule: (_parent, { input }, { alerts }) => alerts.createRule(parseInput(alertRuleInputSchema, input, 'input')),

  updateAlertRule: (_parent, { id, input }, { alerts }) => alerts.updateRule(idOf(id, 'AlertRule'), parseInput(alertRulePatchSchema, input, 'input')),

  deleteAlertRule: (_parent, { id }, { alerts }) => alerts.deleteRule(idOf(id, 'AlertRule')),

  acknowledgeAlert: (_parent, { id, note }, { alerts, principal }) =>
    alerts.acknowledge(idOf(id, 'Alert'), principal!.userId, parseInput(noteSchema, note, 'note'), new Date()),

  createSilence: (_parent, args, { alerts, principal }) =>
    alerts.createSilence({ ...parseInput(silenceSchema, args), createdBy: principal!.kind === 'user' ? principal!.userId : null }),
};
