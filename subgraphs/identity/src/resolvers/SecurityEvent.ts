import { summarizeUserAgent } from '../domain/user-agent.ts';
import type { SecurityEventResolvers } from '../generated/graphql.ts';

/* Actor and subject are User entities: a deactivated user still resolves, so the log keeps its names. */
export const SecurityEvent: SecurityEventResolvers = {
  actor: (event, _args, { loaders }) => (event.actorUserId ? loaders.userById.load(event.actorUserId) : null),
  subject: (event, _args, { loaders }) => (event.subjectUserId ? loaders.userById.load(event.subjectUserId) : null),
  clientAddress: (event) => event.ipAddress,
  userAgentSummary: (event) => (event.userAgent ? summarizeUserAgent(event.userAgent) : null),
  detail: (event) => (event.detail ? JSON.stringify(event.detail) : null),
};
