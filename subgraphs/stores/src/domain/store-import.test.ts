import type { CsvImportRow } from '@switchyard/shared/csv-import';
import { validateStoreImport, type ExistingStores } from './store-import.ts';

const none: ExistingStores = { names: new Map(), subnets: [] };

let counter = 0;
function row(cells: Record<string, string> = {}): CsvImportRow {
  counter += 1;
  return {
    row: counter + 1,
    cells: {
      name: `Store ${counter}`,
      type: 'standard',
      addressLine1: 'Main St 1',
      city: 'Berlin',
      postalCode: '10115',
      country: 'de',
      timezone: 'Europe/Berlin',
      ...cells,
    },
  };
}

const network = (third: number) => ({
  vlanId: '10',
  subnet: `10.9.${third}.0/24`,
  gateway: `10.9.${third}.1`,
  dhcpStart: `10.9.${third}.10`,
  dhcpEnd: `10.9.${third}.200`,
});

describe('validateStoreImport', () => {
  beforeEach(() => {
    counter = 0;
  });

  it('turns valid rows into createStore inputs, normalised as createStore does', () => {
    const { stores, errors } = validateStoreImport([row({ latitude: '52.5', ...network(1) }), row()], none);
    expect(errors).toEqual([]);
    expect(stores[0]).toEqual({
      row: 2,
      input: expect.objectContaining({
        name: 'Store 1',
        type: 'STANDARD',
        latitude: 52.5,
        longitude: null,
        address: expect.objectContaining({ country: 'DE', line2: null }),
        network: {
          vlanId: 10,
          subnet: '10.9.1.0/24',
          gateway: '10.9.1.1',
          dhcpRange: { start: '10.9.1.10', end: '10.9.1.200' },
        },
      }),
    });
    expect(stores[1]!.input.network).toBeNull();
  });

  it('names every problem of a row by its column', () => {
    const { stores, errors } = validateStoreImport(
      [row({ type: 'castle', country: 'Germany', latitude: 'north', timezone: 'Mars/Olympus' })],
      none,
    );
    expect(stores).toEqual([]);
    expect(errors.map((e) => [e.row, e.column, e.code]).sort()).toEqual(
      [
        [2, 'country', 'INVALID_VALUE'],
        [2, 'latitude', 'INVALID_VALUE'],
        [2, 'timezone', 'INVALID_VALUE'],
        [2, 'type', 'INVALID_VALUE'],
      ].sort(),
    );
  });

  it('checks a network with the plan rules and wants all of its cells', () => {
    const { errors } = validateStoreImport(
      [
        row({ ...network(1), gateway: '10.8.0.1' }),
        row({ subnet: '10.9.3.0/24' }),
        row({ ...network(4), vlanId: '1.5' }),
      ],
      none,
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'gateway'],
      [3, 'vlanId'],
      [3, 'gateway'],
      [3, 'dhcpStart'],
      [3, 'dhcpEnd'],
      [4, 'vlanId'],
    ]);
  });

  it('refuses names used twice or already in use, and overlapping subnets, naming the other row or store', () => {
    const existing: ExistingStores = {
      names: new Map([['taken', 'ST-0001']]),
      subnets: [{ code: 'ST-0002', subnet: '10.9.0.0/22' }],
    };
    const rows = [
      row({ name: 'Alpha', ...network(8) }),
      row({ name: 'ALPHA' }),
      row({ name: 'Taken' }),
      row({ ...network(8), subnet: '10.9.8.0/25', gateway: '10.9.8.1', dhcpStart: '10.9.8.10', dhcpEnd: '10.9.8.100' }),
      row(network(2)),
    ];
    const { stores, errors } = validateStoreImport(rows, existing);
    expect(stores.map((s) => s.row)).toEqual([2]);
    expect(errors.map((e) => [e.row, e.column, e.code, e.message])).toEqual([
      [3, 'name', 'DUPLICATE', 'The name is already used in row 2'],
      [4, 'name', 'DUPLICATE', 'Store ST-0001 already has this name'],
      [5, 'subnet', 'OVERLAP', 'The subnet overlaps the one in row 2'],
      [6, 'subnet', 'OVERLAP', 'The subnet overlaps the subnet of store ST-0002'],
    ]);
  });
});
