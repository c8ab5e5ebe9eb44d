import {
  blockSize,
  broadcastOf,
  contains,
  formatCidr,
  formatIpv4,
  networkOf,
  overlaps,
  parseCidr,
  parseCidrNotation,
  parseIpv4,
  type Cidr,
} from './ipv4.ts';

/** A store's network: one VLAN, one IPv4 subnet, its gateway and the DHCP pool. */
export interface NetworkPlan {
  vlanId: number;
  subnet: string;
  gateway: string;
  dhcpRange: { start: string; end: string };
}

export const SUBNET_PREFIX = { min: 8, max: 30 } as const;

export interface PlanProblem {
  /** Path inside the plan, e.g. ['dhcpRange', 'start']. */
  path: (string | number)[];
  message: string;
}

/**
 * Checks that the addresses fit together: a network address as subnet, gateway and DHCP range
 * inside it on host addresses, the range in order and not containing the gateway. (The VLAN
 * number is checked by the input schema; overlap with other stores by the database.)
 */
export function findPlanProblem(plan: NetworkPlan): PlanProblem | null {
  const notation = parseCidrNotation(plan.subnet);
  if (!notation) return { path: ['subnet'], message: 'must be an IPv4 CIDR block such as 10.20.30.0/24' };
  if (notation.prefix < SUBNET_PREFIX.min || notation.prefix > SUBNET_PREFIX.max) {
    return { path: ['subnet'], message: `prefix length must be between ${SUBNET_PREFIX.min} and ${SUBNET_PREFIX.max}` };
  }
  const subnet = parseCidr(plan.subnet);
  if (!subnet) {
    const network = formatCidr({ network: networkOf(notation.address, notation.prefix), prefix: notation.prefix });
    return { path: ['subnet'], message: `must be a network address (did you mean ${network}?)` };
  }
  const hosts: [(string | number)[], string][] = [
    [['gateway'], plan.gateway],
    [['dhcpRange', 'start'], plan.dhcpRange.start],
    [['dhcpRange', 'end'], plan.dhcpRange.end],
  ];
  const values: number[] = [];
  for (const [path, text] of hosts) {
    const address = parseIpv4(text);
    if (address === null) return { path, message: 'must be an IPv4 address' };
    const problem = hostProblem(subnet, address);
    if (problem) return { path, message: problem };
    values.push(address);
  }
  const [gateway, start, end] = values as [number, number, number];
  if (start > end) return { path: ['dhcpRange', 'end'], message: 'must not come before the range start' };
  if (gateway >= start && gateway <= end) return { path: ['gateway'], message: 'must not be inside the DHCP range' };
  return null;
}

function hostProblem(subnet: Cidr, address: number): string | null {
  if (!contains(subnet, address)) return `must be inside ${formatCidr(subnet)}`;
  if (address === subnet.network) return 'must not be the network address';
  if (address === broadcastOf(subnet)) return 'must not be the broadcast address';
  return null;
}

/**
 * The first block of `prefix` bits in `pool` that overlaps none of `taken`, or null when the pool
 * is full. Blocks are aligned to their size, so the result is always a valid network address.
 */
export function firstFreeBlock(pool: Cidr, prefix: number, taken: readonly Cidr[]): string | null {
  if (prefix < pool.prefix) return null;
  const size = blockSize(prefix);
  const sorted = taken.filter((block) => overlaps(block, pool)).sort((a, b) => a.network - b.network);
  let candidate = pool.network;
  for (const block of sorted) {
    if (candidate + size - 1 < block.network) break;
    if (overlaps({ network: candidate, prefix }, block)) candidate = Math.ceil((broadcastOf(block) + 1) / size) * size;
  }
  return candidate + size - 1 <= broadcastOf(pool) ? `${formatIpv4(candidate)}/${prefix}` : null;
}
