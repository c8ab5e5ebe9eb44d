import { randomUUID } from 'node:crypto';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CONTEXT_HEADER, TRACEPARENT_HEADER, activeTraceparent, encodeContext, type ForwardedContext } from '@switchyard/shared';

/** The caller (forwarded, signed) and the trace the request belongs to (forwarded as `traceparent`). */
export type GatewayContext = ForwardedContext & { traceparent?: string };

/** Forwards the caller's identity, request id and trace; the client signs the result (see the shared internal-client.ts). */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
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
