// The address part of a store's form, shared by the new-store wizard and the edit form.
import type { AddressInput, StoreType } from '$lib/graphql/generated/graphql.js';

export interface AddressValues {
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

/** The API's names for the address fields (`input.address.city` without `input.`). */
export const ADDRESS_FIELDS = [
  'address.line1',
  'address.line2',
  'address.city',
  'address.region',
  'address.postalCode',
  'address.country',
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

/** What each address field is called on screen: its label, and its name in a conflict's summary. */
export const ADDRESS_LABELS: Record<AddressField, string> = {
  'address.line1': 'Address',
  'address.line2': 'Address line 2',
  'address.city': 'City',
  'address.region': 'Region',
  'address.postalCode': 'Postal code',
  'address.country': 'Country',
};

export const blankAddress = (): AddressValues => ({
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: '',
});

/** What the API takes: trimmed, optional lines as null, the country code in capitals. */
export function addressInput(values: AddressValues): AddressInput {
  return {
    line1: values.line1.trim(),
    line2: values.line2.trim() || null,
    city: values.city.trim(),
    region: values.region.trim() || null,
    postalCode: values.postalCode.trim(),
    country: values.country.trim().toUpperCase(),
  };
}

export const STORE_TYPES: StoreType[] = ['STANDARD', 'FLAGSHIP', 'KIOSK', 'WAREHOUSE', 'HOME'];

/** A network plan as its form holds it. */
export interface NetworkValues {
  subnet: string;
  vlanId: number;
  gateway: string;
  start: string;
  end: string;
}

/** The API's names for the network plan's fields (`input.network.gateway` without `input.`). */
export const NETWORK_FIELDS = [
  'network.subnet',
  'network.vlanId',
  'network.gateway',
  'network.dhcpRange.start',
  'network.dhcpRange.end',
] as const;
export type NetworkField = (typeof NETWORK_FIELDS)[number];
