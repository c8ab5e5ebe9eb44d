import { DateTimeScalar } from '@switchyard/shared';
import type { Resolvers } from '../generated/graphql.ts';
import { AuditActor } from './AuditActor.ts';
import { AuditEntry } from './AuditEntry.ts';
import { Mutation } from './Mutation.ts';
import { StoreNetworkMutation } from './store-network-mutations.ts';
import { StoreNoteMutation } from './store-note-mutations.ts';
import { ProvisioningStep } from './ProvisioningStep.ts';
import { Query } from './Query.ts';
import { Store } from './Store.ts';
import { StoreEvent } from './StoreEvent.ts';
import { Subscription } from './Subscription.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation: { ...Mutation, ...StoreNetworkMutation, ...StoreNoteMutation },
  Subscription,
  Store,
  StoreEvent,
  ProvisioningStep,
  AuditEntry,
  AuditActor,
};
