import { parseInput } from '@switchyard/shared';
import { createStoreSchema, storeFilterSchema, updateStoreSchema } from './store-input.ts';

const valid = {
  name: '  Corner Shop ',
  type: 'STANDARD',
  address: { line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'de' },
  timezone: 'Europe/Berlin',
  network: {
    vlanId: 20,
    subnet: '10.1.2.0/24',
    gateway: '10.1.2.1',
    dhcpRange: { start: '10.1.2.10', end: '10.1.2.99' },
  },
};

function fieldOf(schema: Parameters<typeof parseInput>[0], value: unknown): string | null {
  try {
    parseInput(schema, value, 'input');
    return null;
  } catch (error) {
    return (error as { field: string }).field;
  }
}

describe('store input', () => {
  it('normalizes a valid store', () => {
    const parsed = parseInput(createStoreSchema, valid, 'input');
    expect(parsed).toMatchObject({ name: 'Corner Shop', address: { country: 'DE', line2: null, region: null } });
  });

  it.each([
    [{ network: { ...valid.network, vlanId: 0 } }, 'input.network.vlanId'],
    [{ network: { ...valid.network, vlanId: 5000 } }, 'input.network.vlanId'],
    [{ network: { ...valid.network, subnet: '10.1.2.0/33' } }, 'input.network.subnet'],
    [{ network: { ...valid.network, gateway: '10.9.9.1' } }, 'input.network.gateway'],
    [
      { network: { ...valid.network, dhcpRange: { start: '10.1.2.99', end: '10.1.2.10' } } },
      'input.network.dhcpRange.end',
    ],
    [{ timezone: 'Mars/Olympus_Mons' }, 'input.timezone'],
    [{ timezone: '+01:00' }, 'input.timezone'],
    [{ address: { ...valid.address, country: 'XX' } }, 'input.address.country'],
    [{ address: { ...valid.address, country: 'DEU' } }, 'input.address.country'],
    [{ latitude: 91 }, 'input.latitude'],
    [{ name: ' ' }, 'input.name'],
  ])('refuses %j naming %s', (overrides, field) => {
    expect(fieldOf(createStoreSchema, { ...valid, ...overrides })).toBe(field);
  });

  it('keeps absent update fields absent and null network as removal', () => {
    expect(parseInput(updateStoreSchema, { name: 'X' }, 'input')).toEqual({ name: 'X' });
    expect(parseInput(updateStoreSchema, { network: null }, 'input')).toEqual({ network: null });
  });

  it('drops empty filter parts', () => {
    expect(parseInput(storeFilterSchema, { search: '  ', statuses: null }, 'filter')).toEqual({
      statuses: undefined,
      types: undefined,
      search: undefined,
      region: undefined,
    });
  });
});
