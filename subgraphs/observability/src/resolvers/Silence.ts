import type { SilenceResolvers } from '../generated/graphql.ts';

export const Silence: SilenceResolvers = {
  createdBy: (silence) => (silence.createdBy ? { id: silence.createdBy } : null),
  expiredBy: (silence) => (silence.expiredBy ? { id: silence.expiredBy } : null),
};
