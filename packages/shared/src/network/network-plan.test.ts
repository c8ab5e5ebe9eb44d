import { parseCidr } from './ipv4.ts';
import { findPlanProblem, firstFreeBlock, type NetworkPlan } from './network-plan.ts';

const plan = (overrides: Partial<NetworkPlan> = {}): NetworkPlan => ({
  vlanId: 10,
  subnet: '10.20.30.0/24',
  gateway: '10.20.30.1',
  dhcpRange: { start: '10.20.30.100', end: '10.20.30.200' },
  ...overrides,
});

describe('network plan rules', () => {
  it('accepts a consistent plan', () => {
    expect(findPlanProblem(plan())).toBeNull();
  });

  it.each([
    [{ subnet: '10.20.30.0' }, ['subnet'], /CIDR/],
    [{ subnet: '10.20.30.0/31' }, ['subnet'], /between 8 and 30/],
    [{ subnet: '10.0.0.0/7' }, ['subnet'], /between 8 and 30/],
    [{ subnet: '10.20.30.5/24' }, ['subnet'], /10\.20\.30\.0\/24/],
    [{ gateway: '10.20.31.1' }, ['gateway'], /inside/],
    [{ gateway: '10.20.30.0' }, ['gateway'], /network address/],
    [{ gateway: '10.20.30.255' }, ['gateway'], /broadcast/],
    [{ gateway: '10.20.30.150' }, ['gateway'], /DHCP range/],
    [{ gateway: 'gateway' }, ['gateway'], /IPv4 address/],
    [{ dhcpRange: { start: '10.20.30.100', end: '10.20.30.255' } }, ['dhcpRange', 'end'], /broadcast/],
    [{ dhcpRange: { start: '10.20.30.200', end: '10.20.30.100' } }, ['dhcpRange', 'end'], /before/],
    [{ dhcpRange: { start: '10.20.29.200', end: '10.20.30.100' } }, ['dhcpRange', 'start'], /inside/],
  ])('refuses %j at %j', (overrides, path, message) => {
    const problem = findPlanProblem(plan(overrides as Partial<NetworkPlan>));
    expect(problem?.path).toEqual(path);
    expect(problem?.message).toMatch(message);
  });
});

describe('firstFreeBlock', () => {
  const pool = parseCidr('10.0.0.0/8')!;
  const blocks = (...texts: string[]) => texts.map((text) => parseCidr(text)!);

  it('starts at the bottom of an empty pool', () => {
    expect(firstFreeBlock(pool, 24, [])).toBe('10.0.0.0/24');
  });

  it('skips taken blocks and keeps alignment', () => {
    expect(firstFreeBlock(pool, 24, blocks('10.0.0.0/24', '10.0.1.0/24'))).toBe('10.0.2.0/24');
    expect(firstFreeBlock(pool, 22, blocks('10.0.0.0/24'))).toBe('10.0.4.0/22');
    expect(firstFreeBlock(pool, 24, blocks('10.0.1.0/24'))).toBe('10.0.0.0/24');
    expect(firstFreeBlock(pool, 24, blocks('10.0.0.0/23', '10.0.2.128/25'))).toBe('10.0.3.0/24');
  });

  it('ignores blocks outside the pool and reports a full pool', () => {
    expect(firstFreeBlock(pool, 24, blocks('192.168.0.0/16'))).toBe('10.0.0.0/24');
    expect(firstFreeBlock(pool, 8, blocks('10.200.0.0/24'))).toBeNull();
    expect(firstFreeBlock(parseCidr('10.0.0.0/23')!, 24, blocks('10.0.0.0/24', '10.0.1.0/24'))).toBeNull();
    expect(firstFreeBlock(parseCidr('10.0.0.0/16')!, 12, [])).toBeNull();
  });
});
