import type { ProvisioningStepResolvers } from '../generated/graphql.ts';

export const ProvisioningStep: ProvisioningStepResolvers = {
  done: (step) => step.doneAt !== null,
  doneBy: (step) => (step.doneBy?.userId ? { id: step.doneBy.userId } : null),
};
