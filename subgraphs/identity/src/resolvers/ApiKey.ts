import type { ApiKeyResolvers } from '../generated/graphql.ts';

export const ApiKey: ApiKeyResolvers = {
  owner: async (key, _args, context) => (await context.loaders.userById.load(key.userId))!,
};
