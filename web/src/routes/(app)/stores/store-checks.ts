// What the store forms check as they are filled in, by the rules the API applies (the same
// country and time-zone lists, the same network-plan check), so a form that passes them is saved.
import { findPlanProblem } from '@switchyard/shared/network-plan';
import { atField } from '$lib/graphql/plain-message.js';
import type { Problems } from '$lib/ui/form-checks.svelte.js';
import type { AddressField, AddressValues, NetworkField, NetworkValues } from './store-form.js';

export type StoreField = 'name' | 'timezone' | AddressField;

const required = (value: string, message: string) => (value.trim() ? null : message);

/**
 * Name, time zone and address. `timezone` and `address.country` are the pickers' values: '' when what
 * was typed is none of the list's (`$lib/places`).
 */
export function storeProblems(values: {
  name: string;
  timezone: string;
  address: AddressValues;
}): Problems<StoreField> {
  const { address } = values;
  return {
    name: required(values.name, 'Enter the store’s name'),
    timezone: values.timezone ? null : 'Choose a time zone from the list, such as Europe/Berlin',
    'address.line1': required(address.line1, 'Enter the street and number'),
    'address.city': required(address.city, 'Enter the city'),
    'address.postalCode': required(address.postalCode, 'Enter the postal code'),
    'address.country': address.country ? null : 'Choose a country from the list: type its name or code',
  };
}

/** The plan's addresses as the API checks them: a subnet, the gateway and DHCP range inside it. */
export function networkProblems(network: NetworkValues): Problems<NetworkField> {
  const vlanId = Number(network.vlanId);
  const problems: Problems<NetworkField> = {};
  if (!Number.isInteger(vlanId) || vlanId < 1 || vlanId > 4094)
    problems['network.vlanId'] = 'Must be between 1 and 4094';
  const problem = findPlanProblem({
    vlanId,
    subnet: network.subnet.trim(),
    gateway: network.gateway.trim(),
    dhcpRange: { start: network.start.trim(), end: network.end.trim() },
  });
  if (problem) problems[`network.${problem.path.join('.')}` as NetworkField] = atField(problem.message);
  return problems;
}
