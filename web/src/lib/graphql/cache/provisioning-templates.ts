import { invalidatesQuery, type CacheArea } from './area.js';

export const provisioningTemplatesCache: CacheArea = {
  embedded: ['ProvisioningTemplateStep'],
  // A version never changes, so type and version identify it for good.
  keys: {
    ProvisioningTemplate: (data) =>
      typeof data.storeType === 'string' && typeof data.version === 'number'
        ? `${data.storeType}:${data.version}`
        : null,
  },
  // A publish is a new current version, and one more in its type's history.
  mutations: {
    publishProvisioningTemplate: invalidatesQuery('provisioningTemplates', 'provisioningTemplateHistory'),
  },
};
