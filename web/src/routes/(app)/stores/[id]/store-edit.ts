// The edit form's values, flat for the three-way merge of a conflict (`$lib/three-way-merge`).
import type { StoreDetailFragment } from '$lib/graphql/generated/graphql.js';
import { countryName } from '@switchyard/shared/places';
import type { Values } from '$lib/three-way-merge.js';
import { ADDRESS_FIELDS, ADDRESS_LABELS, type AddressField, type AddressValues } from '../store-form.js';

export interface EditValues {
  name: string;
  timezone: string;
  address: AddressValues;
}

export const EDIT_FIELDS = ['name', 'timezone', ...ADDRESS_FIELDS] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

export const EDIT_LABELS: Record<EditField, string> = { name: 'Name', timezone: 'Time zone', ...ADDRESS_LABELS };

export function editValues(store: StoreDetailFragment): EditValues {
  const { address } = store;
  return {
    name: store.name,
    timezone: store.timezone,
    address: {
      line1: address.line1,
      line2: address.line2 ?? '',
      city: address.city,
      region: address.region ?? '',
      postalCode: address.postalCode,
      country: address.country,
    },
  };
}

export function flatten(values: EditValues): Values<EditField> {
  const address = Object.fromEntries(
    ADDRESS_FIELDS.map((field) => [field, values.address[addressKey(field)]]),
  ) as Record<AddressField, string>;
  return { name: values.name, timezone: values.timezone, ...address };
}

export function unflatten(values: Values<EditField>): EditValues {
  const address = Object.fromEntries(ADDRESS_FIELDS.map((field) => [addressKey(field), values[field]]));
  return { name: values.name, timezone: values.timezone, address: address as unknown as AddressValues };
}

const addressKey = (field: AddressField) => field.slice('address.'.length) as keyof AddressValues;

/** A value as the conflict summary shows it: a country by its name, an empty field as "empty". */
export function shown(field: EditField, value: string): string {
  if (!value.trim()) return '(empty)';
  return field === 'address.country' ? `${countryName(value)} (${value})` : `“${value}”`;
}
