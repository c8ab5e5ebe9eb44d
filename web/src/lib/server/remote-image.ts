// Pictures of other sites, fetched by the web server for the page: the app's Content-Security-Policy
// lets images come from this origin only (`img-src 'self' data:`), so a recipe's picture is passed
// through here rather than the policy opened to every site a recipe could come from.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { httpUrl, pinnedLookup, resolveAllowedAddress } from '@switchyard/shared/address-policy';

export interface RemoteImageOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Non-public targets an installation allows anyway (`privateTargetAllowance`); none by default. */
  allowPrivate: (host: string, address: string) => boolean;
  maxRedirects?: number;
}

/** Why a picture cannot be shown; `status` is what this server answers the browser. */
export class RemoteImageError extends Error {
  constructor(
    message: string,
    readonly status: 404 | 502,
  ) {
    super(message);
  }
}

/** Raster formats only: an SVG is a document that can carry script. */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches an image under the same address policy as recipe import and webhooks: http(s) only, every
 * hop's host resolved and checked and the connection pinned to the checked address, a bounded number
 * of redirects, one deadline, a size cap, and only the raster image types above.
 */
export async function fetchRemoteImage(
  url: string,
  options: RemoteImageOptions,
): Promise<{ contentType: string; body: Buffer }> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current = checked(() => httpUrl(url, 'imageUrl'));
  for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop++) {
    const address = await checkedAsync(() => resolveAllowedAddress(current.hostname, 'imageUrl', options.allowPrivate));
    const response = await get(current, address, signal);
    const location = response.headers.location;
    if (REDIRECTS.has(response.statusCode ?? 0) && location) {
      response.resume();
      current = checked(() => httpUrl(new URL(location, current).href, 'imageUrl'));
      continue;
    }
    if ((response.statusCode ?? 500) >= 400) {
      response.resume();
      throw new RemoteImageError(`The picture's site answered HTTP ${response.statusCode}`, 502);
    }
    const contentType = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!IMAGE_TYPES.has(contentType)) {
      response.resume();
      throw new RemoteImageError('The picture is not a JPEG, PNG, GIF, WebP or AVIF image', 502);
    }
    return { contentType, body: await readBody(response, options.maxBytes) };
  }
  throw new RemoteImageError('The picture redirects too many times', 502);
}

/** A refused address or URL is the recipe's problem, not this server's: the browser hears 404. */
function checked<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new RemoteImageError((error as Error).message, 404);
  }
}

async function checkedAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new RemoteImageError((error as Error).message, 404);
  }
}

function get(url: URL, address: { address: string; family: number }, signal: AbortSignal): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { lookup: pinnedLookup(address), signal, headers: { accept: 'image/*' } }, resolve);
    request.on('error', () => reject(new RemoteImageError("The picture's site cannot be reached", 502)));
  });
}

function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        reject(new RemoteImageError('The picture is too large', 502));
      } else chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', () => reject(new RemoteImageError("The picture's site stopped answering", 502)));
  });
}
