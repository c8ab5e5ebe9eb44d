import type { NetworkPlan } from '@switchyard/shared/network-plan';

export const STORE_TYPES = ['FLAGSHIP', 'STANDARD', 'KIOSK', 'WAREHOUSE', 'HOME'] as const;
export type StoreType = (typeof STORE_TYPES)[number];

export const STORE_STATUSES = ['DRAFT', 'PROVISIONING', 'ACTIVE', 'SUSPENDED', 'DECOMMISSIONED'] as const;
export type StoreStatus = (typeof STORE_STATUSES)[number];

export interface Address {
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
}

export const NETWORK_PURPOSES = ['POS', 'GUEST_WIFI', 'CAMERAS', 'OFFICE', 'IOT', 'MANAGEMENT', 'OTHER'] as const;
export type NetworkPurpose = (typeof NETWORK_PURPOSES)[number];

/** One of a store's networks: a network plan with what it is for. */
export interface StoreNetwork extends NetworkPlan {
  id: string;
  purpose: NetworkPurpose;
  name: string;
}

export interface Store {
  id: string;
  code: string;
  name: string;
  type: StoreType;
  status: StoreStatus;
  address: Address;
  latitude: number | null;
  longitude: number | null;
  timezone: string;
  openedAt: Date | null;
  /** The first of `networks` (what clients of the single-network API see), null when there is none. */
  network: NetworkPlan | null;
  /** In order; the first is `network`. */
  networks: StoreNetwork[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdById: string | null;
  /** Normalised (see store-tags.ts), sorted, distinct. */
  tags: string[];
  /** The version of its type's provisioning template its steps came from; null for a store older than templates. */
  templateVersion: number | null;
}

/** Who made a change: a user, an API key (acting for its owner `userId`), or the system itself (seed data). */
export interface Actor {
  kind: 'user' | 'apiKey' | 'system';
  id: string | null;
  userId: string | null;
}

export interface ProvisioningStep {
  key: string;
  title: string;
  doneAt: Date | null;
  doneBy: Actor | null;
  /** Only required steps hold back activation. */
  required: boolean;
}

export interface FieldChange {
  before: unknown;
  after: unknown;
}

export type AuditAction = 'CREATED' | 'UPDATED' | 'STATUS_CHANGED' | 'STEP_COMPLETED' | 'DELETED';

export interface AuditEntry {
  id: string;
  storeId: string;
  version: number;
  action: AuditAction;
  actor: Actor;
  changes: Record<string, FieldChange>;
  reason: string | null;
  /** Shared by every entry of one bulk action; null for a single change. */
  changeId: string | null;
  createdAt: Date;
}

export const STORE_AGGREGATE = 'Store';

/** The payload of every Store event (channel `events.Store`). */
export interface StoreEventPayload {
  storeId: string;
  code: string;
  changedFields: string[];
  /** The store's status after the change. */
  status: StoreStatus;
  actor: Actor;
  /** StoreStatusChanged */
  from?: StoreStatus;
  to?: StoreStatus;
  /** ProvisioningStepCompleted */
  stepKey?: string;
}

export const STORE_ORDER_FIELDS = ['NAME', 'CODE', 'CREATED_AT', 'UPDATED_AT'] as const;
export type StoreOrderField = (typeof STORE_ORDER_FIELDS)[number];

export interface StoreFilter {
  statuses?: StoreStatus[] | undefined;
  types?: StoreType[] | undefined;
  /** Case-insensitive, over name, code and city. */
  search?: string | undefined;
  region?: string | undefined;
  /** Stores carrying every one of these (normalised) tags. */
  tags?: string[] | undefined;
}

export interface StoreOrder {
  field: StoreOrderField;
  direction: 'ASC' | 'DESC';
}

/** How many stores carry a tag. */
export interface StoreTagCount {
  tag: string;
  count: number;
}
