import { DateTimeScalar } from '@switchyard/shared';
import type { Resolvers } from '../generated/graphql.ts';
import { ApiKey } from './ApiKey.ts';
import { Invitation } from './Invitation.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { SecurityEvent } from './SecurityEvent.ts';
import { Session } from './Session.ts';
import { Subscription } from './Subscription.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Subscription,
  User,
  ApiKey,
  Invitation,
  Session,
  SecurityEvent,
};
