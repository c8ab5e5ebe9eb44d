import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import {
  BadUserInputError,
  httpUrl,
  pinnedLookup,
  privateTargetAllowance,
  resolveAllowedAddress,
  type ResolvedAddress,
} from '@switchyard/shared';

export interface FetchPageOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Lets tests (and intranet installs) fetch from private and loopback addresses. */
  allowPrivate: boolean;
  /** Private targets allowed anyway (host names, addresses, CIDRs), e.g. one LAN recipe server. */
  allowedPrivateTargets?: readonly string[];
  maxRedirects?: number;
}

const FIELD = 'url';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Failures of the site itself (network errors, timeouts, 5xx), as opposed to a bad URL or page: what counts against its circuit breaker. */
const siteFailures = new WeakSet<Error>();

export function isSiteFailure(error: Error): boolean {
  return siteFailures.has(error);
}

function siteFailure(message: string): BadUserInputError {
  const error = new BadUserInputError(FIELD, message);
  siteFailures.add(error);
  return error;
}

/**
 * Fetches a recipe page for import without letting a user aim the server at its own network:
 * http(s) only; every hop's host is resolved and every address checked, and the connection is
 * pinned to the checked address (no second DNS answer can swap in a private one); redirects are
 * followed by hand, a bounded number of times, each re-checked; one deadline covers the whole
 * fetch, and the body is cut off at `maxBytes`.
 */
export async function fetchPage(url: string, options: FetchPageOptions): Promise<{ html: string; url: string }> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current = httpUrl(url, FIELD);
  const allowedTarget = privateTargetAllowance(options.allowedPrivateTargets ?? []);
  const allowPrivate = (host: string, address: string) => options.allowPrivate || allowedTarget(host, address);
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop++) {
    const address = await resolveAllowedAddress(current.hostname, FIELD, allowPrivate);
    const response = await get(current, address, signal);
    const location = response.headers.location;
    if (REDIRECTS.has(response.statusCode ?? 0) && location) {
      response.resume();
      current = httpUrl(new URL(location, current).href, FIELD);
      continue;
    }
    const status = response.statusCode ?? 500;
    if (status >= 400) {
      response.resume();
      const message = `The page answered HTTP ${status}`;
      throw status >= 500 ? siteFailure(message) : new BadUserInputError(FIELD, message);
    }
    return { html: await readBody(response, options.maxBytes, signal), url: current.href };
  }
  throw new BadUserInputError(FIELD, 'The page redirects too many times');
}

function get(url: URL, pinned: ResolvedAddress, signal: AbortSignal): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      {
        lookup: pinnedLookup(pinned),
        signal,
        headers: { accept: 'text/html,application/xhtml+xml', 'user-agent': 'SwitchyardMeals/1.0 (recipe import)' },
      },
      resolve,
    );
    request.on('error', (error) => reject(fetchError(error, signal)));
  });
}

async function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<string> {
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy();
    throw new BadUserInputError(FIELD, `The page is larger than ${maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        throw new BadUserInputError(FIELD, `The page is larger than ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    throw fetchError(error, signal);
  }
  return new TextDecoder(charsetOf(response.headers['content-type'])).decode(Buffer.concat(chunks));
}

function charsetOf(contentType: string | undefined): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8';
  try {
    new TextDecoder(charset);
    return charset;
  } catch {
    return 'utf-8';
  }
}

function fetchError(error: unknown, signal: AbortSignal): unknown {
  if (error instanceof BadUserInputError) return error;
  if (signal.aborted) return siteFailure('The page took too long to answer');
  return siteFailure(`The page could not be fetched (${(error as NodeJS.ErrnoException).code ?? 'network error'})`);
}
