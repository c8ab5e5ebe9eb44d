import type { SubscriptionResolvers } from '../generated/graphql.ts';

export const Subscription: SubscriptionResolvers = {
  storeChanged: {
    // replayFrom is where the gateway asked the stream to start (a resume replays from the outbox).
    subscribe: (_parent, { id, status }, { replayFrom, storeEvents }) =>
      storeEvents(
        replayFrom,
        (event) =>
          (!id || (event.aggregateId === id && event.type !== 'StoreCreated')) &&
          (!status || event.payload.status === status),
      ) as never,
    resolve: (event: unknown) => event as never,
  },
};
