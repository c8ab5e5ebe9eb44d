import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, trace, type Span, type Tracer } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVICE_NAME,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import { formatTraceparent, parseTraceparent, type TraceContext } from './trace-context.ts';

/** Set by startTracing when spans are exported; while null nothing here does any work. */
let tracer: Tracer | null = null;

export interface Tracing {
  /** Exports the spans still buffered; call after the server drained. */
  shutdown(): Promise<void>;
}

/**
 * With an OTLP endpoint configured, loads the OpenTelemetry SDK and sends this service's spans
 * over OTLP/HTTP (JSON) in batches; without one the SDK is never even imported. The exporter and
 * batch processor read the standard variables themselves (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
 * OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_SCHEDULE_DELAY, OTEL_TRACES_SAMPLER, OTEL_RESOURCE_ATTRIBUTES…);
 * `endpoint` is the validated OTEL_EXPORTER_OTLP_ENDPOINT, which turns tracing on.
 *
 * The tracer provider and an AsyncLocalStorage context manager are registered globally, so spans
 * started while a request's span is active (Apollo Gateway's own plan/execute/fetch spans) join its trace.
 */
export async function startTracing(serviceName: string, endpoint: string | undefined): Promise<Tracing> {
  if (!endpoint) return { shutdown: async () => {} };
  const [
    { AsyncLocalStorageContextManager },
    { BasicTracerProvider, BatchSpanProcessor },
    { OTLPTraceExporter },
    { detectResources, envDetector, resourceFromAttributes },
  ] = await Promise.all([
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const provider = new BasicTracerProvider({
    // Every service shares one environment: our service.name wins over OTEL_SERVICE_NAME.
    resource: detectResources({ detectors: [envDetector] }).merge(
      resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    ),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  tracer = trace.getTracer('switchyard');
  return {
    async shutdown() {
      tracer = null;
      await provider.shutdown();
    },
  };
}

export interface RequestSpan {
  /** The span's own ids: what the request logs and sends on as the parent of its calls. */
  trace: TraceContext;
  /** Runs the rest of the request with the span active, so what it starts and calls are children. */
  run(next: () => void): void;
  end(outcome: { route: string; status: number; operationName?: string }): void;
}

/** A server span continuing the caller's `traceparent` (a remote parent); null while tracing is off. */
export function startRequestSpan(method: string, path: string, traceparent: string | undefined): RequestSpan | null {
  if (!tracer) return null;
  const caller = parseTraceparent(traceparent);
  const parent = caller
    ? trace.setSpanContext(ROOT_CONTEXT, {
        traceId: caller.traceId,
        spanId: caller.spanId,
        traceFlags: parseInt(caller.flags, 16),
        isRemote: true,
      })
    : ROOT_CONTEXT;
  const span = tracer.startSpan(
    method,
    { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_PATH]: path } },
    parent,
  );
  const active = trace.setSpan(parent, span);
  return {
    trace: traceContextOf(span),
    run: (next) => context.with(active, next),
    end({ route, status, operationName }) {
      // Named by route (bounded), not path; the GraphQL operation tells /graphql requests apart.
      span.updateName([method, route === 'other' ? null : route, operationName].filter(Boolean).join(' '));
      span.setAttributes({ [ATTR_HTTP_ROUTE]: route, [ATTR_HTTP_RESPONSE_STATUS_CODE]: status });
      if (operationName) span.setAttribute('graphql.operation.name', operationName);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}

/**
 * The `traceparent` for a call made now, naming the active span as its parent (in the gateway,
 * Apollo's span for that subgraph fetch); undefined while tracing is off or outside any span.
 */
export function activeTraceparent(): string | undefined {
  const span = tracer ? trace.getActiveSpan() : undefined;
  return span ? formatTraceparent(traceContextOf(span)) : undefined;
}

function traceContextOf(span: Span): TraceContext {
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { traceId, spanId, flags: traceFlags.toString(16).padStart(2, '0') };
}
