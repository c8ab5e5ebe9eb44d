import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  CONTEXT_HEADER,
  TRACEPARENT_HEADER,
  activeTraceparent,
  encodeContext,
  type ForwardedContext,
  type SignedFetch,
} from '@switchyard/shared';
import type { GatewayContext } from './context.ts';

/** Forwards the caller's identity, request id and trace; the client signs the result (see the shared internal-client.ts). */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Runs the fetch with the operation's signal in scope: Apollo's data source hands its fetcher no signal of its own. */
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const { signal } = options.context;
    return signal ? callerSignals.run(signal, () => super.process(options)) : super.process(options);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Context is empty for the gateway's own calls (none today, but never forward undefined identity).
    const forwarded: ForwardedContext = {
      principal: context.principal ?? null,
      requestId: context.requestId ?? randomUUID(),
      clientIp: context.clientIp ?? null,
      userAgent: context.userAgent ?? null,
    };
    request.http?.headers.set(CONTEXT_HEADER, encodeContext(forwarded));
    request.http?.headers.set('x-request-id', forwarded.requestId);
    // With tracing on, the parent is Apollo's span for this subgraph fetch; otherwise the gateway request's own.
    const traceparent = activeTraceparent() ?? context.traceparent;
    if (traceparent) request.http?.headers.set(TRACEPARENT_HEADER, traceparent);
  }
}

const callerSignals = new AsyncLocalStorage<AbortSignal>();

/**
 * `fetch` with the signal of the operation it is sent for (see GatewayContext.signal): when the
 * client goes away, its subgraph calls are aborted, which closes their connections, and each
 * subgraph stops the operation (packages/shared/src/operation-guard.ts).
 */
export function withCallerSignal(fetch: SignedFetch): SignedFetch {
  return (url, init) => {
    const signal = callerSignals.getStore();
    return fetch(url, signal ? { ...init, signal } : init);
  };
}
