import { Response } from 'undici';
import { CONTEXT_HEADER, type ForwardedContext, type SignedFetch } from '@switchyard/shared';

/**
 * Identical read requests to a subgraph that are in flight at the same time, for the same caller,
 * share one response: when an event reaches a thousand subscribers of one user, their identical
 * entity fetches become one. Mutations are never shared, and neither are requests of different
 * callers (the subgraph authorizes per caller). A shared request is aborted only once every
 * caller waiting for it went away (see `abortWhenAllGone`), and a caller that went away stops
 * waiting at once.
 */
export function deduplicateInflight(fetch: SignedFetch): SignedFetch {
  const inflight = new Map<
    string,
    {
      callers: ReturnType<typeof abortWhenAllGone>;
      answer: Promise<{ status: number; headers: [string, string][]; body: string }>;
    }
  >();
  return async (url, init) => {
    const key =
      init.method === 'POST' && init.body && isReadOperation(init.body)
        ? keyOf(url, init.headers?.[CONTEXT_HEADER], init.body)
        : null;
    if (!key) return fetch(url, init);
    let shared = inflight.get(key);
    if (!shared) {
      const callers = abortWhenAllGone();
      const { signal: _own, ...sharedInit } = init;
      shared = {
        callers,
        answer: fetch(url, { ...sharedInit, signal: callers.signal })
          .then(async (response) => ({
            status: response.status,
            headers: [...response.headers.entries()],
            body: await response.text(),
          }))
          .finally(() => inflight.delete(key)),
      };
      inflight.set(key, shared);
    }
    const { status, headers, body } = await shared.callers.join(init.signal, shared.answer);
    return new Response(body, { status, headers });
  };
}

/**
 * A signal for a request shared by several callers: aborted when the last of them went away (each
 * caller's own signal aborted), never because one of several did.
 */
function abortWhenAllGone() {
  const controller = new AbortController();
  let waiting = 0;
  return {
    signal: controller.signal,
    /** Waits for `answer` on behalf of a caller; rejects at once with its reason when it goes away. */
    join<T>(signal: AbortSignal | undefined, answer: Promise<T>): Promise<T> {
      waiting += 1;
      if (!signal) return answer;
      return new Promise<T>((resolve, reject) => {
        const leave = () => {
          waiting -= 1;
          if (waiting === 0) controller.abort(signal.reason);
          reject(signal.reason);
        };
        if (signal.aborted) return leave();
        signal.addEventListener('abort', leave, { once: true });
        answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
      });
    },
  };
}

function isReadOperation(body: string): boolean {
  try {
    const { query } = JSON.parse(body) as { query?: string };
    return typeof query === 'string' && !/^\s*(mutation|subscription)\b/.test(query);
  } catch {
    return false;
  }
}

function keyOf(url: string, contextHeader: string | undefined, body: string): string | null {
  if (!contextHeader) return null;
  const { principal } = JSON.parse(Buffer.from(contextHeader, 'base64url').toString('utf8')) as ForwardedContext;
  return `${url}\n${JSON.stringify(principal)}\n${body}`;
}
