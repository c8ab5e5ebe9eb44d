import type { DomainEvent } from '@switchyard/shared';
import type { Actor, AuditEntry, ProvisioningStep, Store, StoreEventPayload } from '../domain/types.ts';
import type { BulkOutcome } from '../services/store-service.ts';

export type StoreMapper = Store;
export type ProvisioningStepMapper = ProvisioningStep;
export type AuditEntryMapper = AuditEntry;
export type AuditActorMapper = Actor;
export type BulkTransitionOutcomeMapper = BulkOutcome;
export type StoreEventMapper = DomainEvent<StoreEventPayload>;
