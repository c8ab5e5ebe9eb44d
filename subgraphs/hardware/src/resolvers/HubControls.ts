import { NotFoundError, parseInput, pageSize, isUuid, type DomainEvent } from '@switchyard/shared';
import { z } from 'zod';
import { refreshLoaders, type Context } from '../context.ts';
import type { HubEventRecord } from '../data/repositories.ts';
import type { HubEventRecordedPayload } from '../data/hub-event-repository.ts';
import { hsmStatusOf } from '../domain/hub-controls.ts';
import type { HubResolvers, MutationResolvers, SubscriptionResolvers } from '../generated/graphql.ts';

/*
 * Hub controls (mode, HSM, hub variables): Hub's fields and the mutations and subscription,
 * spread into Hub.ts, Mutation.ts and Subscription.ts by resolvers/index.ts.
 */

/** A malformed id names no hub: NOT_FOUND, as an unknown one (the hub service says so for those). */
function hubIdOf(hubId: string): string {
  if (!isUuid(hubId)) throw new NotFoundError('Hub', hubId);
  return hubId;
}

const modeSchema = z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters');
const variableNameSchema = z.string().min(1, 'must not be empty').max(200, 'at most 200 characters');

export const HubControlFields: Pick<HubResolvers, 'modes' | 'hsmStatus' | 'variables' | 'events'> = {
  modes: (hub, _args, { hubControls }) => hubControls.modes(hub.id),
  hsmStatus: async (hub, _args, { hubEvents }) => hsmStatusOf(await hubEvents.hsmStatus(hub.id)),
  variables: (hub, _args, { hubEvents }) => hubEvents.variables(hub.id),
  events: (hub, { first }, { hubEvents }) => hubEvents.recent(hub.id, pageSize(first, { fallback: 50, max: 200 })),
};

async function hubOrNotFound(context: Context, hubId: string) {
  context.loaders.hubById.clear(hubId);
  return (await context.loaders.hubById.load(hubId))!;
}

export const HubControlMutations: Pick<MutationResolvers, 'setHubMode' | 'setHsm' | 'setHubVariable'> = {
  setHubMode: async (_parent, { hubId, mode }, context) => {
    await context.hubControls.setMode(hubIdOf(hubId), parseInput(modeSchema, mode, 'mode'));
    return hubOrNotFound(context, hubId);
  },
  setHsm: async (_parent, { hubId, arm }, context) => {
    await context.hubControls.setHsm(hubIdOf(hubId), arm);
    return hubOrNotFound(context, hubId);
  },
  setHubVariable: (_parent, { hubId, name, value }, { hubControls }) =>
    hubControls.setVariable(hubIdOf(hubId), parseInput(variableNameSchema, name, 'name'), value),
};

export const HubControlSubscriptions: Pick<SubscriptionResolvers, 'hubEvent'> = {
  hubEvent: {
    subscribe: (_parent, { hubId }, { replayFrom, hubEventStream }) =>
      hubEventStream(replayFrom, ({ payload }) => payload.hubId === hubId) as never,
    resolve: (source: unknown, _args: unknown, context: Context): HubEventRecord => {
      refreshLoaders(context);
      const { payload } = source as DomainEvent<HubEventRecordedPayload>;
      return {
        id: payload.eventId,
        hubId: payload.hubId,
        kind: payload.kind,
        name: payload.name,
        value: payload.value,
        receivedAt: new Date(payload.receivedAt),
      };
    },
  },
};
