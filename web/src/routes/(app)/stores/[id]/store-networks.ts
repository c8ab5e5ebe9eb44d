import { graphql } from '$lib/graphql/generated/index.js';
import type { NetworkPurpose, StoreNetworkInput } from '$lib/graphql/generated/graphql.js';
import type { NetworkValues } from '../store-form.js';

export const AddStoreNetworkMutation = graphql(`
  mutation AddStoreNetwork($storeId: ID!, $expectedVersion: Int!, $input: StoreNetworkInput!) {
    addStoreNetwork(storeId: $storeId, expectedVersion: $expectedVersion, input: $input) {
      ...StoreDetail
    }
  }
`);

export const UpdateStoreNetworkMutation = graphql(`
  mutation UpdateStoreNetwork($storeId: ID!, $networkId: ID!, $expectedVersion: Int!, $input: StoreNetworkInput!) {
    updateStoreNetwork(storeId: $storeId, networkId: $networkId, expectedVersion: $expectedVersion, input: $input) {
      ...StoreDetail
    }
  }
`);

export const RemoveStoreNetworkMutation = graphql(`
  mutation RemoveStoreNetwork($storeId: ID!, $networkId: ID!, $expectedVersion: Int!) {
    removeStoreNetwork(storeId: $storeId, networkId: $networkId, expectedVersion: $expectedVersion) {
      ...StoreDetail
    }
  }
`);

export const NETWORK_PURPOSES: { value: NetworkPurpose; label: string }[] = [
  { value: 'POS', label: 'POS (tills)' },
  { value: 'GUEST_WIFI', label: 'Guest Wi-Fi' },
  { value: 'CAMERAS', label: 'Cameras' },
  { value: 'OFFICE', label: 'Office' },
  { value: 'IOT', label: 'IoT devices' },
  { value: 'MANAGEMENT', label: 'Management' },
  { value: 'OTHER', label: 'Other' },
];

export const purposeLabel = (purpose: NetworkPurpose) =>
  NETWORK_PURPOSES.find((p) => p.value === purpose)?.label ?? purpose;

/** A store network as its form holds it. */
export interface StoreNetworkValues {
  purpose: NetworkPurpose;
  name: string;
  network: NetworkValues;
}

/** The API's names for a store network's fields (`input.subnet` without `input.`). */
export const STORE_NETWORK_FIELDS = [
  'purpose',
  'name',
  'subnet',
  'vlanId',
  'gateway',
  'dhcpRange.start',
  'dhcpRange.end',
] as const;
export type StoreNetworkField = (typeof STORE_NETWORK_FIELDS)[number];

/** What the API takes: trimmed texts, the VLAN as a number. */
export function storeNetworkInput(values: StoreNetworkValues): StoreNetworkInput {
  const { network } = values;
  return {
    purpose: values.purpose,
    name: values.name.trim(),
    subnet: network.subnet.trim(),
    vlanId: Number(network.vlanId),
    gateway: network.gateway.trim(),
    dhcpRange: { start: network.start.trim(), end: network.end.trim() },
  };
}
