import type { CsvImportError, CsvImportRow } from '@switchyard/shared/csv-import';
import { overlaps, parseCidr, type Cidr } from '@switchyard/shared/ipv4';
import { createStoreSchema, type CreateStoreInput } from './store-input.ts';

/** The template's columns: the createStore fields, flattened as the CSV export names them. */
export const STORE_IMPORT_COLUMNS = [
  'name',
  'type',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'country',
  'latitude',
  'longitude',
  'timezone',
  'vlanId',
  'subnet',
  'gateway',
  'dhcpStart',
  'dhcpEnd',
] as const;
type Column = (typeof STORE_IMPORT_COLUMNS)[number];

export const STORE_IMPORT_REQUIRED: readonly Column[] = [
  'name',
  'type',
  'addressLine1',
  'city',
  'postalCode',
  'country',
  'timezone',
];

/**
 * The export's read-only columns: an exported file can be edited and imported as new stores (untagged:
 * tag them afterwards with bulkTagStores).
 */
export const STORE_IMPORT_IGNORED = ['id', 'code', 'status', 'openedAt', 'version', 'createdAt', 'updatedAt', 'tags'];

/**
 * 1 MB decimal: the CSV arrives in a JSON body, and the gateway's and the subgraph's body limit is
 * 1 MiB (BODY_LIMIT), so a CSV just over our limit still arrives and is refused as BAD_USER_INPUT.
 */
export const STORE_IMPORT_LIMITS = { maxRows: 2000, maxBytes: 1_000_000 } as const;

const NETWORK_COLUMNS: readonly Column[] = ['vlanId', 'subnet', 'gateway', 'dhcpStart', 'dhcpEnd'];

/** Where a createStoreSchema issue path lands in the CSV. */
const COLUMN_OF: Record<string, Column> = {
  name: 'name',
  type: 'type',
  'address.line1': 'addressLine1',
  'address.line2': 'addressLine2',
  'address.city': 'city',
  'address.region': 'region',
  'address.postalCode': 'postalCode',
  'address.country': 'country',
  latitude: 'latitude',
  longitude: 'longitude',
  timezone: 'timezone',
  'network.vlanId': 'vlanId',
  'network.subnet': 'subnet',
  'network.gateway': 'gateway',
  'network.dhcpRange.start': 'dhcpStart',
  'network.dhcpRange.end': 'dhcpEnd',
  'network.dhcpRange': 'dhcpStart',
  network: 'subnet',
};

export interface ImportedStore {
  row: number;
  input: CreateStoreInput;
}

/** What the estate already holds that an imported store must not clash with. */
export interface ExistingStores {
  /** Lower-cased name → code of a store with that name. */
  names: ReadonlyMap<string, string>;
  /** Subnets of stores that are not decommissioned. */
  subnets: readonly { code: string; subnet: string }[];
}

/**
 * Each row through createStoreSchema (the rules createStore applies, every problem of a row named by
 * its column), then the rules between rows: a name used twice or already in the estate, and subnets
 * overlapping each other or a live store's. Only rows without problems are returned as inputs.
 */
export function validateStoreImport(
  rows: readonly CsvImportRow[],
  existing: ExistingStores,
): { stores: ImportedStore[]; errors: CsvImportError[] } {
  const errors: CsvImportError[] = [];
  const stores: ImportedStore[] = [];
  const rowsByName = new Map<string, number>();
  const blocks: { row: number; block: Cidr }[] = [];
  const live = existing.subnets.flatMap(({ code, subnet }) => {
    const block = parseCidr(subnet);
    return block ? [{ code, block }] : [];
  });

  for (const { row, cells } of rows) {
    const rowErrors: CsvImportError[] = [];
    const raw = toRawInput(cells, (column, message) => rowErrors.push({ row, column, code: 'INVALID_VALUE', message }));
    const parsed = createStoreSchema.safeParse(raw);
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const column = columnOf(issue.path);
        if (seen.has(column) || rowErrors.some((error) => error.column === column)) continue;
        seen.add(column);
        rowErrors.push({ row, column, code: 'INVALID_VALUE', message: `${column}: ${issue.message}` });
      }
    }
    if (parsed.success && rowErrors.length === 0) {
      const input = parsed.data;
      const key = input.name.toLowerCase();
      const earlier = rowsByName.get(key);
      const code = existing.names.get(key);
      if (earlier !== undefined) {
        rowErrors.push({
          row,
          column: 'name',
          code: 'DUPLICATE',
          message: `The name is already used in row ${earlier}`,
        });
      } else if (code) {
        rowErrors.push({ row, column: 'name', code: 'DUPLICATE', message: `Store ${code} already has this name` });
      } else {
        rowsByName.set(key, row);
      }
      const block = input.network ? parseCidr(input.network.subnet) : null;
      if (block) {
        const other = blocks.find((earlierBlock) => overlaps(earlierBlock.block, block));
        const holder = live.find((store) => overlaps(store.block, block));
        if (other) {
          rowErrors.push({
            row,
            column: 'subnet',
            code: 'OVERLAP',
            message: `The subnet overlaps the one in row ${other.row}`,
          });
        } else if (holder) {
          rowErrors.push({
            row,
            column: 'subnet',
            code: 'OVERLAP',
            message: `The subnet overlaps the subnet of store ${holder.code}`,
          });
        } else {
          blocks.push({ row, block });
        }
      }
      if (rowErrors.length === 0) stores.push({ row, input });
    }
    errors.push(...rowErrors);
  }
  return { stores, errors };
}

function columnOf(path: readonly PropertyKey[]): Column {
  for (let length = path.length; length > 0; length--) {
    const column = COLUMN_OF[path.slice(0, length).map(String).join('.')];
    if (column) return column;
  }
  return 'name';
}

/** Cells as createStoreSchema's input: numbers parsed, a network only when one of its cells is filled. */
function toRawInput(cells: Record<string, string>, refuse: (column: Column, message: string) => void) {
  const number = (column: Column, integer = false): number | null => {
    const text = cells[column];
    if (text === undefined) return null;
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      refuse(column, `${column}: must be ${integer ? 'a whole number' : 'a number'}`);
      return null;
    }
    return value;
  };
  const hasNetwork = NETWORK_COLUMNS.some((column) => cells[column] !== undefined);
  if (hasNetwork) {
    for (const column of NETWORK_COLUMNS) {
      if (cells[column] === undefined) refuse(column, `${column}: is required when the store has a network`);
    }
  }
  return {
    name: cells.name ?? '',
    type: (cells.type ?? '').toUpperCase(),
    address: {
      line1: cells.addressLine1 ?? '',
      line2: cells.addressLine2 ?? null,
      city: cells.city ?? '',
      region: cells.region ?? null,
      postalCode: cells.postalCode ?? '',
      country: cells.country ?? '',
    },
    latitude: number('latitude'),
    longitude: number('longitude'),
    timezone: cells.timezone ?? '',
    network: hasNetwork
      ? {
          vlanId: number('vlanId', true) ?? 0,
          subnet: cells.subnet ?? '',
          gateway: cells.gateway ?? '',
          dhcpRange: { start: cells.dhcpStart ?? '', end: cells.dhcpEnd ?? '' },
        }
      : null,
  };
}
