import type { AuditActorResolvers } from '../generated/graphql.ts';

const KINDS = { user: 'USER', apiKey: 'API_KEY', system: 'SYSTEM' } as const;

export const AuditActor: AuditActorResolvers = {
  kind: (actor) => KINDS[actor.kind],
  user: (actor) => (actor.userId ? { id: actor.userId } : null),
};
