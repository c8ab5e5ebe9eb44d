import { z } from 'zod';
import type { ActorKind } from '../domain/activity.ts';
import type { ActivityEntryResolvers, ActorKind as GraphQLActorKind } from '../generated/graphql.ts';

const ACTOR_KINDS: Record<ActorKind, GraphQLActorKind> = { user: 'USER', apiKey: 'API_KEY', system: 'SYSTEM' };

export const activityFilterSchema = z.object({
  kinds: z.array(z.string().max(100)).max(50).nullish(),
  storeId: z.string().max(100).nullish(),
  actorId: z.string().max(100).nullish(),
  from: z.date().nullish(),
  to: z.date().nullish(),
});

export const ActivityEntry: ActivityEntryResolvers = {
  kind: (entry) => entry.type,
  store: (entry) => (entry.storeId ? { id: entry.storeId } : null),
  actorKind: (entry) => (entry.actorKind ? ACTOR_KINDS[entry.actorKind] : null),
  actor: (entry) => (entry.actorId ? { id: entry.actorId } : null),
  details: (entry) => JSON.stringify(entry.payload ?? null),
};
