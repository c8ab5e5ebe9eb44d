import { invalidatesQuery, type CacheArea } from './area.js';

export const settingsCache: CacheArea = {
  embedded: ['UserConnection', 'UserEdge', 'ApiKeyCreated', 'SessionRevokedEvent', 'AuthPayload', 'BackupSettings'],
  mutations: {
    createApiKey: invalidatesQuery('apiKeys'),
    createUser: invalidatesQuery('users'),
    startBackup: invalidatesQuery('backups'),
  },
};
