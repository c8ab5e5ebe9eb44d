import { randomBytes } from 'node:crypto';

/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/): `traceparent: 00-<trace id>-<span id>-<flags>`.
 * Every service continues the trace of a valid incoming header, or starts one, and logs its trace
 * id on each line; the gateway forwards it to subgraphs, so one trace id follows a request
 * through every service's logs (and into an OpenTelemetry backend when tracing.ts exports spans).
 */
export const TRACEPARENT_HEADER = 'traceparent';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ALL_ZEROS = /^0+$/;

export interface TraceContext {
  traceId: string;
  /** This service's span: what it sends on as the parent of the calls it makes. */
  spanId: string;
  flags: string;
}

/** The caller's context from a `traceparent` header (its span id is the caller's), or null when missing or invalid. */
export function parseTraceparent(header: string | undefined): TraceContext | null {
  const match = header ? TRACEPARENT.exec(header.trim().toLowerCase()) : null;
  if (!match || ALL_ZEROS.test(match[1]!) || ALL_ZEROS.test(match[2]!)) return null;
  return { traceId: match[1]!, spanId: match[2]!, flags: match[3]! };
}

/** Continues the incoming trace with a new span of ours, or starts a sampled one. */
export function continueTrace(incoming: string | undefined): TraceContext {
  const parent = parseTraceparent(incoming);
  const spanId = randomBytes(8).toString('hex');
  return parent ? { ...parent, spanId } : { traceId: randomBytes(16).toString('hex'), spanId, flags: '01' };
}

export function formatTraceparent({ traceId, spanId, flags }: TraceContext): string {
  return `00-${traceId}-${spanId}-${flags}`;
}
