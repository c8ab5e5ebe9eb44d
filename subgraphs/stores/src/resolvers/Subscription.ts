import type { SubscriptionResolvers } from '../generated/graphql.ts';

export const Subscription: SubscriptionResolvers = {
  storeChanged: {
    // replaySince is set when the gateway resubscribes after losing us: missed events come from the outbox.
    subscribe: (_parent, { id, status }, { replaySince, storeEvents }) =>
      storeEvents(
        replaySince,
        (event) =>
          (!id || (event.aggregateId === id && event.type !== 'StoreCreated')) &&
          (!status || event.payload.status === status),
      ) as never,
    resolve: (event: unknown) => event as never,
  },
};
