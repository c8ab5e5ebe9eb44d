import { NotFoundError, parseInput, type DomainEvent } from '@switchyard/shared';
import type { Context } from '../context.ts';
import type { SubscriptionResolvers } from '../generated/graphql.ts';
import { matchesFilter, readerOf, visibleTo } from '../domain/activity.ts';
import { activityFilterSchema } from './ActivityEntry.ts';

// replayFrom is where the gateway asked the stream to start (a resume replays from the outbox).
export const Subscription: SubscriptionResolvers = {
  serviceStatusChanged: {
    subscribe: (_parent, _args, { replayFrom, serviceStatusEvents }) => serviceStatusEvents(replayFrom) as never,
    resolve: async (event: unknown, _args: unknown, { stateAtEvent }: Context) => {
      const { id, payload } = event as DomainEvent<{ name: string }>;
      return (await stateAtEvent(`${payload.name}@${id}`)) ?? notFound('Service', payload.name);
    },
  },

  alertChanged: {
    subscribe: (_parent, _args, { replayFrom, alertEvents }) => alertEvents(replayFrom) as never,
    resolve: async (event: unknown, _args: unknown, { alertAtEvent }: Context) => {
      const { id, payload } = event as DomainEvent<{ alertId: string }>;
      return (await alertAtEvent(`${payload.alertId}@${id}`)) ?? notFound('Alert', payload.alertId);
    },
  },

  activityAdded: {
    subscribe: (_parent, { filter }, { replayFrom, activityEvents, entryAtEvent, householdOfReader, principal }) => {
      const parsed = parseInput(activityFilterSchema, filter ?? {}, 'filter');
      return activityEvents(replayFrom, async (event) => {
        const entry = await entryAtEvent(event.payload.entryId);
        if (entry === null || !matchesFilter(entry, parsed)) return false;
        // Asked per household event (briefly cached): someone who leaves a household stops seeing it at once.
        const household = entry.householdId ? await householdOfReader(principal!.userId) : null;
        return visibleTo(entry, readerOf(principal!, household));
      }) as never;
    },
    resolve: async (event: unknown, _args: unknown, { entryAtEvent }: Context) => {
      const { payload } = event as DomainEvent<{ entryId: string }>;
      return (await entryAtEvent(payload.entryId)) ?? notFound('ActivityEntry', payload.entryId);
    },
  },
};

function notFound(entity: string, id: string): never {
  throw new NotFoundError(entity, id);
}
