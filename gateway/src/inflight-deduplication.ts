import { CONTEXT_HEADER, type ForwardedContext, type PlainResponse, type SignedRequest } from '@switchyard/shared';

/**
 * Identical read requests to a subgraph that are in flight at the same time, for the same caller,
 * share one response: when an event reaches a thousand subscribers of one user, their identical
 * entity fetches become one. Mutations are never shared, and neither are requests of different
 * callers (the subgraph authorizes per caller). A shared request is aborted only once every
 * caller waiting for it went away (see `abortWhenAllGone`), and a caller that went away stops
 * waiting at once.
 */
export function deduplicateInflight(request: SignedRequest): SignedRequest {
  const inflight = new Map<
    string,
    {
      callers: ReturnType<typeof abortWhenAllGone>;
      answer: Promise<PlainResponse>;
    }
  >();
  return async (url, init) => {
    const key =
      init.method === 'POST' && init.body && isReadOperation(init.body)
        ? keyOf(url, init.headers ?? {}, init.body)
        : null;
    if (!key) return request(url, init);
    let shared = inflight.get(key);
    if (!shared) {
      const callers = abortWhenAllGone();
      const { signal: _own, ...sharedInit } = init;
      shared = {
        callers,
        answer: request(url, { ...sharedInit, signal: callers.signal }).finally(() => inflight.delete(key)),
      };
      // Every caller may have left before it fails (then nobody awaits it): a rejection nobody
      // handles would end the process.
      shared.answer.catch(() => {});
      inflight.set(key, shared);
    }
    // A read answer: every caller may have the same object.
    return shared.callers.join(init.signal, shared.answer);
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

/** Requests share only with the same caller: the same principal, and the same passed-on credentials. */
function keyOf(url: string, headers: Record<string, string>, body: string): string | null {
  const contextHeader = headers[CONTEXT_HEADER];
  if (!contextHeader) return null;
  const { principal } = JSON.parse(Buffer.from(contextHeader, 'base64url').toString('utf8')) as ForwardedContext;
  const credentials = `${headers.authorization ?? ''}\n${headers['x-api-key'] ?? ''}`;
  return `${url}\n${JSON.stringify(principal)}\n${credentials}\n${body}`;
}
