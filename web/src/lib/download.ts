// Files the gateway serves under /exports (a store list as CSV, a backup archive) need the same
// bearer authentication as /graphql; this app proxies them same-origin (routes/exports/[file]). A
// plain link cannot carry the token, so the file is fetched here and handed to the browser as a
// download.
import { session } from '$lib/session.svelte.js';

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
    return 'The download failed. Try again in a moment.';
  return error.message;
}

/**
 * Downloads `url` (a same-origin /exports path) under the name the server gives it, else
 * `fallbackName`; throws an Error with a message fit for people.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let blob: Blob;
  let name = fallbackName;
  try {
    let response = await authorizedGet(url);
    if (response.status === 401 && (await session.refresh())) response = await authorizedGet(url);
    if (!response.ok) throw new Error(await failureMessage(response));
    name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? name;
    // A stream cut short rejects here: no partial file is ever offered as complete.
    blob = await response.blob();
  } catch (error) {
    if (error instanceof TypeError)
      throw new Error('The file could not be downloaded. Check your connection and try again.', { cause: error });
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
