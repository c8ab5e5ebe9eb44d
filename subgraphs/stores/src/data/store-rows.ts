import type {
  Prisma,
  ProvisioningStep as StepRow,
  Store as StoreRow,
  StoreNetwork as NetworkRow,
} from '../generated/prisma/client.ts';
import { firstPlan } from '../domain/store-networks.ts';
import type { Actor, ProvisioningStep, Store, StoreNetwork } from '../domain/types.ts';

/** Every read of a store includes its networks, in order (`toStore` needs them). */
export const WITH_NETWORKS = { networks: { orderBy: { position: 'asc' } } } as const satisfies Prisma.StoreInclude;

/** Row ↔ domain mapping shared by the store repositories. */
export function toStore(row: StoreRow & { networks: NetworkRow[] }): Store {
  const networks = row.networks.map(toNetwork);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    status: row.status,
    address: {
      line1: row.addressLine1,
      line2: row.addressLine2,
      city: row.city,
      region: row.region,
      postalCode: row.postalCode,
      country: row.country,
    },
    latitude: row.latitude,
    longitude: row.longitude,
    timezone: row.timezone,
    openedAt: row.openedAt,
    network: firstPlan(networks),
    networks,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdById: row.createdById,
    tags: row.tags,
    templateVersion: row.templateVersion,
  };
}

/** The columns a change writes; identity, code, version and timestamps are the repository's. */
export function storeColumns(
  store: Omit<
    Store,
    'id' | 'code' | 'version' | 'createdAt' | 'updatedAt' | 'createdById' | 'networks' | 'templateVersion'
  >,
) {
  return {
    name: store.name,
    type: store.type,
    status: store.status,
    addressLine1: store.address.line1,
    addressLine2: store.address.line2,
    city: store.address.city,
    region: store.address.region,
    postalCode: store.address.postalCode,
    country: store.address.country,
    latitude: store.latitude,
    longitude: store.longitude,
    timezone: store.timezone,
    openedAt: store.openedAt,
    // The first network, mirrored for the previous release (see schema.prisma).
    vlanId: store.network?.vlanId ?? null,
    subnet: store.network?.subnet ?? null,
    gateway: store.network?.gateway ?? null,
    dhcpStart: store.network?.dhcpRange.start ?? null,
    dhcpEnd: store.network?.dhcpRange.end ?? null,
    tags: store.tags,
  } satisfies Prisma.StoreUpdateManyMutationInput;
}

export function toStep(row: StepRow): ProvisioningStep {
  return {
    key: row.key,
    title: row.title,
    doneAt: row.doneAt,
    doneBy: row.doneByKind
      ? { kind: row.doneByKind as Actor['kind'], id: row.doneById, userId: row.doneByUserId }
      : null,
    required: row.required,
  };
}

export function toNetwork(row: NetworkRow): StoreNetwork {
  return {
    id: row.id,
    purpose: row.purpose,
    name: row.name,
    vlanId: row.vlanId,
    subnet: row.subnet,
    gateway: row.gateway,
    dhcpRange: { start: row.dhcpStart, end: row.dhcpEnd },
  };
}
