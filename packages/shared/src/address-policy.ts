import { lookup } from 'node:dns/promises';
import { BlockList, isIP, isIPv4, type LookupFunction } from 'node:net';
import { BadUserInputError } from './errors.ts';

/**
 * Addresses a server-side fetch must not reach unless configured to: loopback, private, link-local
 * (cloud metadata lives at 169.254.169.254), shared, reserved, multicast and documentation ranges,
 * in IPv4 and IPv6. IPv4-mapped IPv6 addresses are checked as the IPv4 address they carry.
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv6');

export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ipv4 = mapped ?? (isIPv4(address) ? address : null);
  return ipv4 ? !BLOCKED.check(ipv4, 'ipv4') : !BLOCKED.check(address, 'ipv6');
}

/**
 * Which non-public targets an installation allows anyway (a LAN receiver such as Home Assistant,
 * a test's 127.0.0.1): comma-separated entries, each a host name, an address, a CIDR, or `*`.
 */
export function privateTargetAllowance(entries: readonly string[]): (host: string, address: string) => boolean {
  if (entries.includes('*')) return () => true;
  const networks = new BlockList();
  const hosts = new Set<string>();
  for (const entry of entries) {
    const [network, prefix] = entry.split('/');
    if (prefix !== undefined && isIP(network!))
      networks.addSubnet(network!, Number(prefix), isIPv4(network!) ? 'ipv4' : 'ipv6');
    else if (isIP(entry)) networks.addAddress(entry, isIPv4(entry) ? 'ipv4' : 'ipv6');
    else hosts.add(entry.toLowerCase());
  }
  return (host, address) => hosts.has(host.toLowerCase()) || networks.check(address, isIPv4(address) ? 'ipv4' : 'ipv6');
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/**
 * Resolves `host` and returns the address to connect to, refusing with BAD_USER_INPUT on `field`
 * when it cannot be resolved or any of its addresses is not public (a name answering one public and
 * one private address is refused) unless `allowPrivate` accepts it. Callers connect to exactly this
 * address (`pinnedLookup`), so a second DNS answer cannot swap a private one in (DNS rebinding).
 */
export async function resolveAllowedAddress(
  host: string,
  field: string,
  allowPrivate: (host: string, address: string) => boolean,
): Promise<ResolvedAddress> {
  const bare = host.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  try {
    addresses = await lookup(bare, { all: true, verbatim: true });
  } catch {
    throw new BadUserInputError(field, `Cannot resolve ${bare}`);
  }
  if (addresses.length === 0) throw new BadUserInputError(field, `Cannot resolve ${bare}`);
  if (addresses.some(({ address }) => !isPublicAddress(address) && !allowPrivate(bare, address)))
    throw new BadUserInputError(field, 'The URL points to a private, loopback or reserved address');
  return addresses[0]!;
}

/** A `lookup` for http(s).request that answers only the address already checked. */
export function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) =>
    options.all
      ? (callback as (error: null, addresses: ResolvedAddress[]) => void)(null, [pinned])
      : callback(null, pinned.address, pinned.family);
}

/** Parses an http(s) URL or refuses it with BAD_USER_INPUT on `field`. */
export function httpUrl(value: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BadUserInputError(field, 'Not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new BadUserInputError(field, 'Only http and https URLs are allowed');
  return url;
}
