// CSV export of a store list view: the gateway serves `GET /exports/stores.csv?filter=…&orderBy=…`.
import type { StoreFilter, StoreOrder } from '$lib/graphql/generated/graphql.js';
import { downloadFile } from '$lib/download.js';

export function storeExportUrl(filter: StoreFilter, orderBy: StoreOrder): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter), orderBy: JSON.stringify(orderBy) });
  return `/exports/stores.csv?${params}`;
}

/** Downloads the CSV of the stores `filter` matches, in `orderBy` order; throws an Error with a message fit for people. */
export const downloadStoresCsv = (filter: StoreFilter, orderBy: StoreOrder) =>
  downloadFile(storeExportUrl(filter, orderBy), 'stores.csv');
