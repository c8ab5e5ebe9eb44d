import {
  broadcastOf,
  contains,
  formatCidr,
  formatIpv4,
  overlaps,
  parseCidr,
  parseCidrNotation,
  parseIpv4,
} from './ipv4.ts';

describe('IPv4 arithmetic', () => {
  it('parses and formats addresses, refusing malformed ones', () => {
    expect(parseIpv4('10.1.2.3')).toBe(10 * 2 ** 24 + 1 * 2 ** 16 + 2 * 256 + 3);
    expect(formatIpv4(parseIpv4('255.255.255.255')!)).toBe('255.255.255.255');
    for (const bad of ['10.1.2', '10.1.2.256', '010.1.2.3', '1.2.3.4.5', ' 1.2.3.4', 'a.b.c.d', ''])
      expect(parseIpv4(bad)).toBeNull();
  });

  it('parses CIDR blocks only when the host bits are zero', () => {
    expect(parseCidr('192.168.1.0/24')).toEqual({ network: parseIpv4('192.168.1.0'), prefix: 24 });
    expect(parseCidr('192.168.1.1/24')).toBeNull();
    expect(parseCidrNotation('192.168.1.1/24')).toEqual({ address: parseIpv4('192.168.1.1'), prefix: 24 });
    for (const bad of ['192.168.1.0', '192.168.1.0/33', '192.168.1.0/', '192.168.1.0/24/1', '192.168.1.0/024'])
      expect(parseCidr(bad)).toBeNull();
  });

  it('computes broadcast, containment and overlap', () => {
    const block = parseCidr('10.0.4.0/22')!;
    expect(formatIpv4(broadcastOf(block))).toBe('10.0.7.255');
    expect(contains(block, parseIpv4('10.0.7.1')!)).toBe(true);
    expect(contains(block, parseIpv4('10.0.8.0')!)).toBe(false);
    expect(overlaps(block, parseCidr('10.0.6.0/24')!)).toBe(true);
    expect(overlaps(block, parseCidr('10.0.0.0/8')!)).toBe(true);
    expect(overlaps(block, parseCidr('10.0.8.0/24')!)).toBe(false);
    expect(formatCidr(block)).toBe('10.0.4.0/22');
  });
});
