import { BadUserInputError, NotFoundError } from '@switchyard/shared';
import { formatCidr, overlaps, parseCidr } from '@switchyard/shared/ipv4';
import type { NetworkPlan } from '@switchyard/shared/network-plan';
import { MAX_STORE_NETWORKS, type StoreNetworkInput } from './store-input.ts';
import type { StoreNetwork } from './types.ts';

/** What the single-network API (`Store.network`, `NetworkPlanInput`) creates when a store has no network yet. */
export const LEGACY_NETWORK = { purpose: 'OTHER', name: 'Store network' } as const;

/** The single-network view of a store: its first network's plan. */
export function firstPlan(networks: readonly StoreNetwork[]): NetworkPlan | null {
  const first = networks[0];
  return first
    ? { vlanId: first.vlanId, subnet: first.subnet, gateway: first.gateway, dhcpRange: first.dhcpRange }
    : null;
}

/**
 * Checks that `candidate` fits beside the store's `others`: its VLAN id is not taken and its
 * subnet overlaps none of theirs (overlap with other stores is the database's to refuse).
 * `field` prefixes the input path of the error, e.g. `input` or `input.networks.2`.
 */
export function checkNetworkFits(others: readonly StoreNetwork[], candidate: NetworkPlan, field: string): void {
  const sameVlan = others.find((other) => other.vlanId === candidate.vlanId);
  if (sameVlan)
    throw new BadUserInputError(
      `${field}.vlanId`,
      `VLAN ${candidate.vlanId} is already used by network "${sameVlan.name}" of this store`,
    );
  const block = parseCidr(candidate.subnet);
  const clash =
    block &&
    others.find((other) => {
      const theirs = parseCidr(other.subnet);
      return theirs !== null && overlaps(block, theirs);
    });
  if (clash)
    throw new BadUserInputError(
      `${field}.subnet`,
      `The subnet overlaps network "${clash.name}" (${formatCidr(parseCidr(clash.subnet)!)}) of this store`,
    );
}

function toNetwork(id: string, input: StoreNetworkInput): StoreNetwork {
  return {
    id,
    purpose: input.purpose,
    name: input.name,
    vlanId: input.vlanId,
    subnet: input.subnet,
    gateway: input.gateway,
    dhcpRange: { start: input.dhcpRange.start, end: input.dhcpRange.end },
  };
}

/** A new store's networks: `networks` as given, or the single `network` as the first; not both. */
export function initialNetworks(
  input: { network?: NetworkPlan | null; networks?: StoreNetworkInput[] | null },
  newId: () => string,
): StoreNetwork[] {
  if (input.network && input.networks?.length)
    throw new BadUserInputError('input.networks', 'Give either network or networks, not both');
  if (input.network) return [{ id: newId(), ...LEGACY_NETWORK, ...input.network }];
  const networks: StoreNetwork[] = [];
  (input.networks ?? []).forEach((network, index) => {
    checkNetworkFits(networks, network, `input.networks.${index}`);
    networks.push(toNetwork(newId(), network));
  });
  return networks;
}

/** The networks after adding one at the end. */
export function withNetworkAdded(
  networks: readonly StoreNetwork[],
  input: StoreNetworkInput,
  id: string,
): StoreNetwork[] {
  if (networks.length >= MAX_STORE_NETWORKS)
    throw new BadUserInputError('input', `A store has at most ${MAX_STORE_NETWORKS} networks`);
  checkNetworkFits(networks, input, 'input');
  return [...networks, toNetwork(id, input)];
}

/** The networks with one replaced in place; NOT_FOUND when the store has no network `id`. */
export function withNetworkUpdated(
  networks: readonly StoreNetwork[],
  id: string,
  input: StoreNetworkInput,
): StoreNetwork[] {
  if (!networks.some((network) => network.id === id)) throw new NotFoundError('StoreNetwork', id);
  checkNetworkFits(
    networks.filter((network) => network.id !== id),
    input,
    'input',
  );
  return networks.map((network) => (network.id === id ? toNetwork(id, input) : network));
}

/** The networks without `id`; NOT_FOUND when the store has no such network. */
export function withNetworkRemoved(networks: readonly StoreNetwork[], id: string): StoreNetwork[] {
  if (!networks.some((network) => network.id === id)) throw new NotFoundError('StoreNetwork', id);
  return networks.filter((network) => network.id !== id);
}

/**
 * What `updateStore`'s single `network` does to the list: a plan replaces the first network's
 * addresses (keeping its id, purpose and name) or becomes the first network; null removes the
 * first network; undefined leaves the list as it is.
 */
export function withFirstPlan(
  networks: readonly StoreNetwork[],
  plan: NetworkPlan | null | undefined,
  newId: () => string,
): StoreNetwork[] {
  if (plan === undefined) return [...networks];
  const [first, ...rest] = networks;
  if (plan === null) return rest;
  checkNetworkFits(rest, plan, 'input.network');
  const replaced: StoreNetwork = first
    ? { ...first, ...plan, dhcpRange: { ...plan.dhcpRange } }
    : { id: newId(), ...LEGACY_NETWORK, ...plan };
  return [replaced, ...rest];
}
