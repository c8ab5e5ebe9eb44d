import { summarizeUserAgent } from '../domain/user-agent.ts';
import type { SessionResolvers } from '../generated/graphql.ts';

export const Session: SessionResolvers = {
  user: async (session, _args, context) => (await context.loaders.userById.load(session.userId))!,
  clientAddress: (session) => session.ipAddress,
  userAgentSummary: (session) => summarizeUserAgent(session.userAgent),
  current: (session, _args, { principal }) => principal?.sessionId === session.id,
};
