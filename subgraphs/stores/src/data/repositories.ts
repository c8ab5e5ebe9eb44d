import type { IdempotencyRequest } from '@switchyard/shared';
import type { ProvisioningTemplate, TemplateStep } from '../domain/provisioning-templates.ts';
import type { ExistingStores } from '../domain/store-import.ts';
import type { StoreEventType } from '../domain/store-events.ts';
import type { StoreNote } from '../domain/store-notes.ts';
import type {
  Actor,
  AuditAction,
  AuditEntry,
  ProvisioningStep,
  Store,
  StoreEventPayload,
  StoreFilter,
  StoreOrder,
  StoreTagCount,
  StoreType,
} from '../domain/types.ts';

/*
 * What stores' services and resolvers depend on: one interface per repository, in domain types.
 * The Prisma-backed implementations beside this file are the only code that touches the database;
 * unit tests give the services in-memory fakes of the same interfaces (test/fakes).
 */

/** Reads of stores and their provisioning steps. */
export interface StoreRepository {
  /** Null for an id that is not a UUID, too. */
  findById(id: string): Promise<Store | null>;
  findManyByIds(ids: readonly string[]): Promise<Store[]>;
  findByCode(code: string): Promise<Store | null>;
  count(filter?: StoreFilter): Promise<number>;
  /** Keyset page ordered by the chosen column then id; fetches `size + 1` rows so the caller knows if more follow. */
  page(filter: StoreFilter, order: StoreOrder, size: number, after: string | null): Promise<Store[]>;
  cursorOf(order: StoreOrder): (store: Store) => string;
  /** Steps of many stores in one query, in template order; every id asked for has an entry. */
  stepsOf(storeIds: readonly string[]): Promise<Map<string, ProvisioningStep[]>>;
  /** Subnets held by stores that are not decommissioned, for suggesting a free one. */
  liveSubnets(): Promise<string[]>;
  /** Every tag in use with how many stores carry it, by tag. */
  tagCounts(): Promise<StoreTagCount[]>;
}

export type NewStore = Omit<
  Store,
  'id' | 'code' | 'status' | 'openedAt' | 'version' | 'createdAt' | 'updatedAt' | 'templateVersion'
> & {
  /** The input field of the network at an index, for an overlap the database refuses (default `input.network.subnet`). */
  networkField?: (index: number) => string;
};

/** What a domain rule decided to do to a store, given its current state. */
export interface PlannedChange {
  action: Exclude<AuditAction, 'CREATED' | 'DELETED'>;
  event: Exclude<StoreEventType, 'StoreCreated' | 'StoreDeleted'>;
  /** The store as it is to be after the change. */
  next: Store;
  completedStep?: string;
  /**
   * The store's type changed: it takes the current template of its new type, read in the change's
   * transaction, and records its version. Steps it keeps stay as they were, done or not (taking the
   * template's title, position and required flag); steps no longer in it go; new ones start open.
   */
  retemplate?: boolean;
  /** The input field of `next.networks[index]`, for an overlap the database refuses (default `input.network.subnet`). */
  networkField?: (index: number) => string;
  /** Event payload besides storeId, code and changedFields (from/to, the step key). */
  payload?: Pick<StoreEventPayload, 'from' | 'to' | 'stepKey'>;
}

export type Decide = (current: Store, steps: ProvisioningStep[]) => PlannedChange | Promise<PlannedChange>;

/**
 * Every write to a store, each at once with its audit entry and its event (sequence = the store's
 * new version). A change applies only if the store is still at the version the caller saw;
 * otherwise nothing is written and the caller gets CONFLICT with `currentVersion` (NOT_FOUND when
 * the store is gone). A subnet overlapping a live network of another store is BAD_USER_INPUT on
 * the network's input field (`networkField`, by default `input.network.subnet`); the store's
 * networks are written to match `next.networks`.
 */
export interface StoreChangeRepository {
  /**
   * A DRAFT store at version 1 with the next code and the steps of its type's current template
   * open, read in the same transaction (`templateVersion` records which) (StoreCreated). With an
   * idempotency request, a repeat answers the store the first one created (see shared idempotent).
   */
  create(store: NewStore, actor: Actor, reason: string | null, idempotency?: IdempotencyRequest | null): Promise<Store>;
  /**
   * Many DRAFT stores in ONE transaction, each written exactly as `create` writes one, their audit
   * entries sharing `changeId`: all or nothing.
   */
  createMany(stores: NewStore[], actor: Actor, reason: string | null, changeId: string): Promise<Store[]>;
  /**
   * Applies what `decide` plans for the store as it is now; a plan that changes nothing writes
   * nothing and answers the store unchanged. A completed step records who did it and when. A
   * bulk action passes its `changeId` for the audit entry.
   */
  change(
    id: string,
    expectedVersion: number,
    actor: Actor,
    reason: string | null,
    decide: Decide,
    changeId?: string | null,
  ): Promise<Store>;
  /** Deletes the store and its steps; its audit trail stays. `check` may refuse. */
  remove(
    id: string,
    expectedVersion: number,
    actor: Actor,
    reason: string | null,
    check: (store: Store) => void,
  ): Promise<Store>;
}

/** Reads of the audit log; entries are written only with their change (StoreChangeRepository). */
export interface AuditRepository {
  /** Newest first; one entry per store version; with `changeId`, only that bulk action's entries. */
  page(storeId: string, size: number, after: string | null, changeId?: string | null): Promise<AuditEntry[]>;
  count(storeId: string, changeId?: string | null): Promise<number>;
  /**
   * Every entry of one bulk action, across stores, in the order they were written (at most the
   * CSV import's 2000 rows, so not paged).
   */
  byChange(changeId: string): Promise<AuditEntry[]>;
  cursorOf(entry: AuditEntry): string;
}

/** A store's journal; notes are not changes of the store (no version, audit entry or event). */
export interface StoreNoteRepository {
  /** NOT_FOUND when there is no such store. */
  add(storeId: string, body: string, author: Actor): Promise<StoreNote>;
  /** Null for an id that is not a UUID, too. */
  findById(id: string): Promise<StoreNote | null>;
  /** Newest first; fetches `size + 1` notes so the caller knows if more follow. */
  page(storeId: string, size: number, after: string | null): Promise<StoreNote[]>;
  count(storeId: string): Promise<number>;
  cursorOf(note: StoreNote): string;
  /** False when it was gone already. */
  remove(id: string): Promise<boolean>;
}

/** What the CSV import checks an import against besides each row's own rules. */
export interface StoreImportRepository {
  /** Stores whose names are among these (compared lower-cased) and the subnets of every live store. */
  existing(names: readonly string[]): Promise<ExistingStores>;
}

/**
 * Provisioning templates: immutable versions per store type. Stores read the current one when they
 * are created or retyped (StoreChangeRepository), inside their own transaction.
 */
export interface ProvisioningTemplateRepository {
  /** The newest version of every type that has one, in the order of STORE_TYPES. */
  current(): Promise<ProvisioningTemplate[]>;
  version(storeType: StoreType, version: number): Promise<ProvisioningTemplate | null>;
  /** Newest first. */
  history(storeType: StoreType): Promise<ProvisioningTemplate[]>;
  /** Writes version `expectedVersion + 1`; CONFLICT with `currentVersion` when the current version is another. */
  publish(
    storeType: StoreType,
    steps: TemplateStep[],
    expectedVersion: number,
    createdById: string | null,
  ): Promise<ProvisioningTemplate>;
}
