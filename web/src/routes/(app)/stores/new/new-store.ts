import { graphql } from '$lib/graphql/generated/index.js';
import type { StoreType } from '$lib/graphql/generated/graphql.js';
import type { AddressField, AddressValues, NetworkField } from '../store-form.js';

export const SuggestSubnetQuery = graphql(`
  query SuggestSubnet($prefixLength: Int) {
    suggestSubnet(prefixLength: $prefixLength)
  }
`);

export const CreateStoreMutation = graphql(`
  mutation CreateStore($input: CreateStoreInput!) {
    createStore(input: $input) {
      ...StoreDetail
    }
  }
`);

export interface BasicInfo {
  name: string;
  type: StoreType;
  timezone: string;
  address: AddressValues;
}

/** The API's names for the fields of the first step, so a refusal is shown on the step that asks for it. */
export const BASIC_FIELDS = ['name', 'type', 'timezone'] as const;
export type WizardField = (typeof BASIC_FIELDS)[number] | AddressField | NetworkField;

/** Gateway and DHCP range a network plan usually takes in a subnet: first host, then the upper three quarters. */
export function planFor(subnet: string): { gateway: string; start: string; end: string } | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(subnet.trim());
  if (!match) return null;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix < 8 || prefix > 30) return null;
  const size = 2 ** (32 - prefix);
  const base =
    (octets.reduce((n, o) => n * 256 + o, 0) >>> 0) - ((octets.reduce((n, o) => n * 256 + o, 0) >>> 0) % size);
  const ip = (n: number) => [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.');
  return { gateway: ip(base + 1), start: ip(base + Math.max(2, Math.floor(size / 4))), end: ip(base + size - 2) };
}
