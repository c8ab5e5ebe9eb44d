import { describe, expect, it } from '@jest/globals';
import { networkProblems, storeProblems } from './store-checks.ts';

const network = { subnet: '10.1.2.0/24', vlanId: 20, gateway: '10.1.2.1', start: '10.1.2.64', end: '10.1.2.254' };
const address = { line1: 'Main St 1', line2: '', city: 'Berlin', region: '', postalCode: '10115', country: 'DE' };

describe('store form checks', () => {
  it('passes a complete store', () => {
    const problems = storeProblems({ name: 'Corner', timezone: 'Europe/Berlin', address });
    expect(Object.values(problems).filter(Boolean)).toEqual([]);
  });

  it('asks for a time zone and a country from the lists', () => {
    const problems = storeProblems({ name: ' ', timezone: '', address: { ...address, country: '' } });
    expect(problems.name).toMatch(/name/);
    expect(problems.timezone).toMatch(/time zone from the list/);
    expect(problems['address.country']).toMatch(/country from the list/);
  });

  it('puts each network problem at its field, in a sentence', () => {
    expect(networkProblems(network)).toEqual({});
    expect(networkProblems({ ...network, gateway: '10.1.2' })).toEqual({
      'network.gateway': 'Must be an IPv4 address',
    });
    expect(networkProblems({ ...network, gateway: '10.9.9.1' })).toEqual({
      'network.gateway': 'Must be inside 10.1.2.0/24',
    });
    expect(networkProblems({ ...network, subnet: '10.1.2.0/33' })['network.subnet']).toMatch(/^Must be an IPv4 CIDR/);
    expect(networkProblems({ ...network, vlanId: 0 })).toEqual({ 'network.vlanId': 'Must be between 1 and 4094' });
    expect(networkProblems({ ...network, start: '10.1.2.200', end: '10.1.2.100' })).toEqual({
      'network.dhcpRange.end': 'Must not come before the range start',
    });
  });
});
