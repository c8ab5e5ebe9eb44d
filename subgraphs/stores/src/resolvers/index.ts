import { DateTimeScalar } from '@switchyard/shared';
import type { Resolvers } from '../generated/graphql.ts';
import { AuditActor } from './AuditActor.ts';
import { AuditEntry } from './AuditEntry.ts';
import { Mutation } from './Mutation.ts';
import { StoreNetworkMutation } from './store-network-mutations.ts';
import { StoreNoteMutation } from './store-note-mutations.ts';
import { ProvisioningStep } from './ProvisioningStep.ts';
import { ProvisioningTemplate } from './ProvisioningTemplate.ts';
import { ProvisioningTemplateMutation, ProvisioningTemplateQuery } from './provisioning-template-operations.ts';
import { Query } from './Query.ts';
import { Store } from './Store.ts';
import { StoreEvent } from './StoreEvent.ts';
import { Subscription } from './Subscription.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { ...Query, ...ProvisioningTemplateQuery },
  Mutation: { ...Mutation, ...StoreNetworkMutation, ...StoreNoteMutation, ...ProvisioningTemplateMutation },
  Subscription,
  Store,
  StoreEvent,
  ProvisioningStep,
  AuditEntry,
  AuditActor,
  ProvisioningTemplate,
};
