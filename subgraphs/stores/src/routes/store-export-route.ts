import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Router } from 'express';
import { BadUserInputError, authorize, sendRouteError, parseInput, type ForwardedContext } from '@switchyard/shared';
import type { StoreRepository } from '../data/repositories.ts';
import { storeFilterSchema, storeOrderSchema } from '../domain/store-input.ts';
import type { Store, StoreFilter, StoreOrder } from '../domain/types.ts';

/** CSV of the stores matching a StoreFilter, for spreadsheets. Behind the gateway signature like /graphql. */
export const STORE_EXPORT_PATH = '/exports/stores.csv';

// Rows are read in keyset batches as the client consumes them, so memory stays flat however many stores match.
const BATCH_SIZE = 500;

const COLUMNS: Record<string, (store: Store) => string | number | null> = {
  id: (s) => s.id,
  code: (s) => s.code,
  name: (s) => s.name,
  type: (s) => s.type,
  status: (s) => s.status,
  addressLine1: (s) => s.address.line1,
  addressLine2: (s) => s.address.line2,
  city: (s) => s.address.city,
  region: (s) => s.address.region,
  postalCode: (s) => s.address.postalCode,
  country: (s) => s.address.country,
  latitude: (s) => s.latitude,
  longitude: (s) => s.longitude,
  timezone: (s) => s.timezone,
  vlanId: (s) => s.network?.vlanId ?? null,
  subnet: (s) => s.network?.subnet ?? null,
  gateway: (s) => s.network?.gateway ?? null,
  dhcpStart: (s) => s.network?.dhcpRange.start ?? null,
  dhcpEnd: (s) => s.network?.dhcpRange.end ?? null,
  openedAt: (s) => s.openedAt?.toISOString() ?? null,
  version: (s) => s.version,
  createdAt: (s) => s.createdAt.toISOString(),
  updatedAt: (s) => s.updatedAt.toISOString(),
  // Tags never contain `;` (see store-tags.ts), so one cell holds them all.
  tags: (s) => s.tags.join(';'),
};

/** `GET /exports/stores.csv?filter=<URL-encoded JSON StoreFilter>&orderBy=<URL-encoded JSON StoreOrder>` */
export function mountStoreExportRoute(router: Router, stores: StoreRepository): void {
  router.get(STORE_EXPORT_PATH, async (req, res, next) => {
    let filter: StoreFilter;
    let order: StoreOrder;
    try {
      authorize((res.locals.forwarded as ForwardedContext).principal, {
        role: 'VIEWER',
        scope: 'stores:read',
        userOnly: false,
      });
      filter = parseInput(storeFilterSchema, jsonParameter(req.query.filter, 'filter') ?? {}, 'filter');
      order = parseInput(storeOrderSchema, jsonParameter(req.query.orderBy, 'orderBy'), 'orderBy');
    } catch (error) {
      sendRouteError(res, error, next);
      return;
    }
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="stores-${new Date().toISOString().slice(0, 10)}.csv"`);
    try {
      await pipeline(
        Readable.from(records(stores, filter, order)),
        stringify({ header: true, columns: Object.keys(COLUMNS) }),
        res,
      );
    } catch (error) {
      // Headers are out: the client sees a truncated download (the connection is reset), never a partial file that looks complete.
      req.log.warn({ err: error }, 'store export aborted');
      res.destroy();
    }
  });
}

async function* records(stores: StoreRepository, filter: StoreFilter, order: StoreOrder) {
  const cursorOf = stores.cursorOf(order);
  let after: string | null = null;
  do {
    const rows = await stores.page(filter, order, BATCH_SIZE, after);
    const page = rows.slice(0, BATCH_SIZE);
    for (const store of page)
      yield Object.fromEntries(Object.entries(COLUMNS).map(([column, value]) => [column, inertCell(value(store))]));
    after = rows.length > BATCH_SIZE ? cursorOf(page.at(-1)!) : null;
  } while (after);
}

/**
 * A spreadsheet runs a text cell that starts with = + - @ (or a tab or carriage return) as a
 * formula: a store named "=HYPERLINK(…)" would run in whoever opens the export. Such text gets a
 * leading apostrophe, which spreadsheets hide and treat as "this is text" (OWASP's advice).
 */
function inertCell(value: string | number | null): string | number | null {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function jsonParameter(value: unknown, name: string): unknown {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new BadUserInputError(name, `${name} must be given once, as URL-encoded JSON`);
  try {
    return JSON.parse(value);
  } catch {
    throw new BadUserInputError(name, `${name} must be URL-encoded JSON`);
  }
}
