import { trace } from '@opentelemetry/api';
import { activeTraceparent, startRequestSpan, startTracing } from './tracing.ts';

describe('tracing without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('registers nothing and starts no spans', async () => {
    const tracing = await startTracing('switchyard-test', undefined);
    expect(startRequestSpan('POST', '/graphql', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBeNull();
    expect(activeTraceparent()).toBeUndefined();
    // No SDK behind the API: spans anyone starts are no-ops.
    expect(trace.getTracer('test').startSpan('probe').isRecording()).toBe(false);
    await tracing.shutdown();
  });
});
