/**
 * IPv4 arithmetic on 32-bit unsigned integers. Small and pure on purpose: the network plan only
 * needs parsing, containment and overlap of IPv4 blocks, and these are easier to read and test
 * here than through a general IP library.
 */
export interface Cidr {
  /** The network address as an unsigned 32-bit integer. */
  network: number;
  prefix: number;
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ADDRESS = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

export function parseIpv4(text: string): number | null {
  const match = ADDRESS.exec(text);
  if (!match) return null;
  return match.slice(1, 5).reduce((value, octet) => value * 256 + Number(octet), 0);
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** `a.b.c.d/n` with any address; use `isNetworkAddress` to require the host bits to be zero. */
export function parseCidrNotation(text: string): { address: number; prefix: number } | null {
  const [address, prefix, ...rest] = text.split('/');
  if (rest.length > 0 || address === undefined || prefix === undefined || !/^(3[0-2]|[12]?\d)$/.test(prefix))
    return null;
  const value = parseIpv4(address);
  return value === null ? null : { address: value, prefix: Number(prefix) };
}

export function networkOf(address: number, prefix: number): number {
  return address - (address % blockSize(prefix));
}

export function isNetworkAddress(address: number, prefix: number): boolean {
  return networkOf(address, prefix) === address;
}

export function parseCidr(text: string): Cidr | null {
  const parsed = parseCidrNotation(text);
  return parsed && isNetworkAddress(parsed.address, parsed.prefix)
    ? { network: parsed.address, prefix: parsed.prefix }
    : null;
}

export function formatCidr({ network, prefix }: Cidr): string {
  return `${formatIpv4(network)}/${prefix}`;
}

export function broadcastOf({ network, prefix }: Cidr): number {
  return network + blockSize(prefix) - 1;
}

export function contains(block: Cidr, address: number): boolean {
  return address >= block.network && address <= broadcastOf(block);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.network <= broadcastOf(b) && b.network <= broadcastOf(a);
}
