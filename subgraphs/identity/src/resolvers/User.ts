import type { UserResolvers } from '../generated/graphql.ts';

export const User: UserResolvers = {
  __resolveReference: ({ id }, context) => context.loaders.userById.load(id),
};
