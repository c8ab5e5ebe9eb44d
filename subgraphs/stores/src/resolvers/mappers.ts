import type { DomainEvent } from '@switchyard/shared';
import type { BulkOutcome } from '../domain/store-service.ts';
import type { Actor, AuditEntry, ProvisioningStep, Store, StoreEventPayload } from '../domain/types.ts';

export type StoreMapper = Store;
export type ProvisioningStepMapper = ProvisioningStep;
export type AuditEntryMapper = AuditEntry;
export type AuditActorMapper = Actor;
export type BulkTransitionOutcomeMapper = BulkOutcome;
export type StoreEventMapper = DomainEvent<StoreEventPayload>;
