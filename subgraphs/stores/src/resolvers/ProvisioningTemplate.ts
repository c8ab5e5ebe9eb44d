import type { ProvisioningTemplateResolvers } from '../generated/graphql.ts';

export const ProvisioningTemplate: ProvisioningTemplateResolvers = {
  createdBy: (template) => (template.createdById ? { id: template.createdById } : null),
};
