// Live updates survive a reconnect: every subscription event carries a cursor (extensions.cursor),
// and the socket resubscribes with the last one, so the gateway replays what was missed meanwhile.
// When it cannot (EVENTS_GAP: the log behind the cursor is gone), every query on screen refetches.
import { mapExchange, type Client, type Operation } from '@urql/core';

export function createResumeTracking() {
  const activeQueries = new Map<number, Operation>();
  let client: Client | null = null;

  const exchange = mapExchange({
    onOperation(operation) {
      if (operation.kind === 'query') activeQueries.set(operation.key, operation);
      else if (operation.kind === 'teardown') activeQueries.delete(operation.key);
    },
  });

  function refetchAll(): void {
    for (const operation of activeQueries.values())
      client?.reexecuteOperation(
        client.createRequestOperation('query', operation, { ...operation.context, requestPolicy: 'network-only' }),
      );
  }

  return {
    exchange,
    attach: (created: Client) => void (client = created),
    /** A subscribe payload whose `extensions.cursor` follows the events it receives; `sink` sees every result. */
    resumable<TSink extends { next(value: unknown): void }>(
      payload: { extensions?: Record<string, unknown> },
      sink: TSink,
    ) {
      const tracked: TSink = Object.create(sink);
      tracked.next = (result: unknown) => {
        const { extensions, errors } = (result ?? {}) as {
          extensions?: { cursor?: unknown };
          errors?: { extensions?: { code?: unknown } }[];
        };
        if (typeof extensions?.cursor === 'string')
          payload.extensions = { ...payload.extensions, cursor: extensions.cursor };
        if (errors?.some((error) => error.extensions?.code === 'EVENTS_GAP')) {
          const { cursor: _stale, ...rest } = payload.extensions ?? {};
          payload.extensions = rest;
          refetchAll();
          return;
        }
        sink.next(result);
      };
      return tracked;
    },
  };
}
