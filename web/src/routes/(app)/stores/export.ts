// CSV export of a store list view. The gateway serves `GET /exports/stores.csv?filter=…&orderBy=…`
// with the same bearer authentication as /graphql; this app proxies it same-origin
// (routes/exports/[file]). A plain link cannot carry the token, so the file is fetched here and
// handed to the browser as a download.
import type { StoreFilter, StoreOrder } from '$lib/graphql/generated/graphql.js';
import { session } from '$lib/session.svelte.js';

export function storeExportUrl(filter: StoreFilter, orderBy: StoreOrder): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter), orderBy: JSON.stringify(orderBy) });
  return `/exports/stores.csv?${params}`;
}

async function authorizedGet(url: string): Promise<Response> {
  if (session.expiresSoon()) await session.refresh();
  const token = session.accessToken;
  return fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
}

async function failureMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as {
    errors?: { message?: string; extensions?: { code?: string } }[];
  } | null;
  const error = body?.errors?.[0];
  if (!error?.message || error.extensions?.code === 'INTERNAL_SERVER_ERROR')
    return 'The export failed. Try again in a moment.';
  return error.message;
}

/** Downloads the CSV of the stores `filter` matches, in `orderBy` order; throws an Error with a message fit for people. */
export async function downloadStoresCsv(filter: StoreFilter, orderBy: StoreOrder): Promise<void> {
  const url = storeExportUrl(filter, orderBy);
  let blob: Blob;
  let name = 'stores.csv';
  try {
    let response = await authorizedGet(url);
    if (response.status === 401 && (await session.refresh())) response = await authorizedGet(url);
    if (!response.ok) throw new Error(await failureMessage(response));
    name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? name;
    // A stream cut short rejects here: no partial file is ever offered as complete.
    blob = await response.blob();
  } catch (error) {
    if (error instanceof TypeError)
      throw new Error('The export could not be downloaded. Check your connection and try again.', { cause: error });
    throw error;
  }
  const href = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href, download: name });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
