import type { DomainEvent } from '@switchyard/shared';
import type { ProvisioningTemplate } from '../domain/provisioning-templates.ts';
import type { Actor, AuditEntry, ProvisioningStep, Store, StoreEventPayload, StoreNetwork } from '../domain/types.ts';
import type { StoreNote } from '../domain/store-notes.ts';
import type { BulkOutcome } from '../services/store-service.ts';

/** A store loaded for a subscription event carries its steps as of that event (see context.ts). */
export type StoreMapper = Store & { steps?: ProvisioningStep[] };
export type ProvisioningStepMapper = ProvisioningStep;
export type AuditEntryMapper = AuditEntry;
export type AuditActorMapper = Actor;
export type BulkTransitionOutcomeMapper = BulkOutcome;
export type StoreEventMapper = DomainEvent<StoreEventPayload>;
export type StoreNetworkMapper = StoreNetwork;
export type BulkTagOutcomeMapper = BulkOutcome;
export type StoreNoteMapper = StoreNote;
export type ProvisioningTemplateMapper = ProvisioningTemplate;
