import { invalidatesQuery, type CacheArea } from './area.js';

export const settingsCache: CacheArea = {
  embedded: ['UserConnection', 'UserEdge', 'ApiKeyCreated', 'SessionRevokedEvent', 'AuthPayload'],
  mutations: {
    createApiKey: invalidatesQuery('apiKeys'),
    createUser: invalidatesQuery('users'),
  },
};
