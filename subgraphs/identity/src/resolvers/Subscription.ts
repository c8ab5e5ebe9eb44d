import type { DomainEvent } from '@switchyard/shared';
import type { SubscriptionResolvers } from '../generated/graphql.ts';
import type { SessionRevokedPayload } from '../domain/session-events.ts';

export const Subscription: SubscriptionResolvers = {
  sessionRevoked: {
    subscribe: (_parent, _args, { principal, replayFrom, sessionEvents }) =>
      sessionEvents(replayFrom, (event) => event.payload.userId === principal!.userId) as never,
    resolve: (source: unknown, _args: unknown, { principal }: { principal: { sessionId: string | null } | null }) => {
      const { payload, occurredAt } = source as DomainEvent<SessionRevokedPayload>;
      return {
        sessionId: payload.sessionId,
        reason: payload.reason,
        revokedAt: new Date(occurredAt),
        current: payload.sessionId === principal!.sessionId,
      };
    },
  },
};
