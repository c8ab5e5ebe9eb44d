import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { httpUrl, pinnedLookup, resolveAllowedAddress } from '@switchyard/shared';

export interface SendResult {
  status: number;
  retryAfter: string | null;
  /** The first `SNIPPET_BYTES` of the answer, for the delivery log. */
  snippet: string;
}

const SNIPPET_BYTES = 1024;

/**
 * One POST of a webhook: the host is resolved and checked again at delivery time (its DNS may
 * have changed since registration) and the connection pinned to the checked address. Redirects
 * are answers like any other: never followed. Rejects on a refused address, a network error or
 * the timeout; any HTTP answer resolves.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: (host: string, address: string) => boolean; signal?: AbortSignal },
): Promise<SendResult> {
  const target = httpUrl(url, 'url');
  const address = await resolveAllowedAddress(target.hostname, 'url', options.allowPrivate);
  const signal = AbortSignal.any([AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])]);
  const client = target.protocol === 'https:' ? https : http;
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        lookup: pinnedLookup(address),
        signal,
        headers: {
          // JSON unless the caller says otherwise (ntfy's plain-text message).
          'content-type': 'application/json',
          ...headers,
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Switchyard-Webhooks/1.0',
        },
      },
      resolve,
    );
    request.on('error', (error) =>
      reject(signal.aborted ? new Error(`timed out after ${options.timeoutMs} ms`) : error),
    );
    request.end(body);
  });
  const snippet = await readSnippet(response, signal, options.timeoutMs);
  const retryAfter = response.headers['retry-after'];
  return { status: response.statusCode ?? 0, retryAfter: typeof retryAfter === 'string' ? retryAfter : null, snippet };
}

async function readSnippet(response: IncomingMessage, signal: AbortSignal, timeoutMs: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      // The rest of a long answer is of no use: stop reading it.
      if (size >= SNIPPET_BYTES) {
        response.destroy();
        break;
      }
    }
  } catch (error) {
    if (signal.aborted) throw new Error(`timed out after ${timeoutMs} ms`, { cause: error });
    throw error;
  }
  return Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString('utf8');
}
