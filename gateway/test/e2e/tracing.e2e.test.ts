import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually, bearer, freePort } from '@switchyard/testing';
import { login } from '@switchyard/testing/fixtures';
import { startSystem, type System } from '@switchyard/testing/system';

interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  status?: { code?: number };
}

const SPAN_KIND_SERVER = 2;
const STATUS_CODE_ERROR = 2;
const CALLER_SPAN = '00f067aa0ba902b7';

/** An OTLP/HTTP receiver: keeps the spans POSTed to /v1/traces (JSON, what the -http exporter sends). */
async function startOtlpReceiver() {
  const spans: ExportedSpan[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        for (const { resource, scopeSpans } of JSON.parse(body).resourceSpans) {
          const service = resource.attributes.find((a: any) => a.key === 'service.name').value.stringValue;
          for (const { spans: batch } of scopeSpans) {
            for (const span of batch) {
              const attributes = Object.fromEntries(
                span.attributes.map((a: any) => [a.key, Object.values(a.value)[0]]),
              );
              spans.push({ ...span, service, attributes });
            }
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// Tracing does not depend on the database: one backend is enough.
describe('OpenTelemetry trace export', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let system: System;
  let token: string;

  const query = (gatewayUrl: string, traceId: string) =>
    fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token), traceparent: `00-${traceId}-${CALLER_SPAN}-01` },
      body: JSON.stringify({
        query: 'query StoreCount { stores(first: 1) { totalCount } }',
        operationName: 'StoreCount',
      }),
    });
  const spansOf = (traceId: string, service: string) =>
    receiver.spans.filter((span) => span.traceId === traceId && span.service === service);

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    system = await startSystem('pglite', {
      subgraphs: ['identity', 'stores'],
      env: { SEED_DEMO_DATA: 'false', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '200' },
    });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  });
  afterAll(async () => {
    await system?.destroy();
    await receiver?.close();
  });

  it('exports one trace tree from the caller through the gateway to the subgraph', async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await query(system.gatewayUrl, traceId);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();

    const storesServer = await eventually(async () =>
      spansOf(traceId, 'switchyard-stores').find((span) => span.kind === SPAN_KIND_SERVER),
    );
    const gatewaySpans = await eventually(async () => {
      const spans = spansOf(traceId, 'switchyard-gateway');
      return spans.some((span) => span.kind === SPAN_KIND_SERVER) && spans;
    });
    const gatewayServer = gatewaySpans.find((span) => span.kind === SPAN_KIND_SERVER)!;
    expect(gatewayServer).toMatchObject({
      name: 'POST /graphql StoreCount',
      parentSpanId: CALLER_SPAN,
      attributes: {
        'http.request.method': 'POST',
        'http.route': '/graphql',
        'http.response.status_code': 200,
        'graphql.operation.name': 'StoreCount',
      },
    });
    expect(gatewayServer.status?.code).not.toBe(STATUS_CODE_ERROR);
    // The span the gateway logs and answers with is the one it exported.
    expect(response.headers.get('traceparent')).toBe(`00-${traceId}-${gatewayServer.spanId}-01`);

    // The subgraph's span hangs off a gateway span (Apollo's fetch span), itself under the gateway's server span.
    // The gateway names the operations it sends each subgraph after the client's.
    expect(storesServer).toMatchObject({
      name: 'POST /graphql StoreCount__stores__0',
      attributes: { 'http.route': '/graphql', 'http.response.status_code': 200 },
    });
    const byId = new Map(gatewaySpans.map((span) => [span.spanId, span]));
    const ancestors: string[] = [];
    for (let id = storesServer.parentSpanId; id && byId.has(id); id = byId.get(id)!.parentSpanId) ancestors.push(id);
    expect(ancestors.length).toBeGreaterThan(0);
    expect(ancestors.at(-1)).toBe(gatewayServer.spanId);
  });

  it('exports nothing from a service started without OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
    const port = await freePort();
    // A second gateway without the variable, in front of the same (traced) subgraphs.
    const untraced = await system.startReplica('gateway', { PORT: String(port), OTEL_EXPORTER_OTLP_ENDPOINT: '' });
    const traceId = randomBytes(16).toString('hex');
    const response = await query(`${untraced.baseUrl}/graphql`, traceId);
    expect(response.status).toBe(200);
    // The trace still reaches the subgraph in the traceparent header, and the subgraph still exports its span…
    const storesServer = await eventually(async () =>
      spansOf(traceId, 'switchyard-stores').find((span) => span.kind === SPAN_KIND_SERVER),
    );
    expect(storesServer.parentSpanId).toBe(response.headers.get('traceparent')!.split('-')[2]);
    // …but the untraced gateway sent nothing (its spans would be named switchyard-gateway too: none has this trace id).
    // Nothing announces that a span will not come: the stores span above arrived, look once more after a moment.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(spansOf(traceId, 'switchyard-gateway')).toEqual([]);
  });
});
