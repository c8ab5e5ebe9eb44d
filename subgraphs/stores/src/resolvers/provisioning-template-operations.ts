import type { MutationResolvers, QueryResolvers } from '../generated/graphql.ts';
import { actorOf } from '../domain/audit.ts';
import { parseTemplateSteps } from '../domain/provisioning-templates.ts';

/** The template queries of Query (merged into it in index.ts). */
export const ProvisioningTemplateQuery: Pick<
  QueryResolvers,
  'provisioningTemplates' | 'provisioningTemplate' | 'provisioningTemplateHistory'
> = {
  provisioningTemplates: (_parent, _args, { templates }) => templates.current(),

  provisioningTemplate: (_parent, { storeType, version }, { templates }) => templates.version(storeType, version),

  provisioningTemplateHistory: (_parent, { storeType }, { templates }) => templates.history(storeType),
};

/** The template mutation of Mutation (merged into it in index.ts); @authz admits ADMINs only. */
export const ProvisioningTemplateMutation: Pick<MutationResolvers, 'publishProvisioningTemplate'> = {
  publishProvisioningTemplate: (_parent, { storeType, steps, expectedVersion }, { principal, templates }) =>
    templates.publish(storeType, parseTemplateSteps(steps), expectedVersion, actorOf(principal!).userId),
};
