import { z } from 'zod';
import type { HttpMonitorSettings, Monitor, MonitorKind } from './monitor.ts';

export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT'] as const;
export const MONITOR_KINDS = ['HTTP', 'TCP', 'DNS', 'PING', 'PUSH'] as const;

export const DEFAULT_HTTP_SETTINGS: HttpMonitorSettings = {
  method: 'GET',
  expectedStatusMin: 200,
  expectedStatusMax: 299,
  keyword: null,
  jsonPath: null,
  jsonExpected: null,
  followRedirects: true,
  certificateExpiryDays: null,
  ignoreTls: false,
};

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((value) => (value === '' || value === undefined ? null : value));

const httpSettings = z.object({
  method: z.enum(['GET', 'HEAD', 'POST']),
  expectedStatusMin: z.number().int().min(100).max(599),
  expectedStatusMax: z.number().int().min(100).max(599),
  keyword: optionalText(500),
  jsonPath: optionalText(200),
  jsonExpected: optionalText(500),
  followRedirects: z.boolean(),
  certificateExpiryDays: z.number().int().min(1).max(365).nullable(),
  ignoreTls: z.boolean(),
});

/** What a monitor's settings are, whatever created or changed them: the rules each kind needs. */
function monitorSchema(minIntervalSeconds: number) {
  return z
    .object({
      name: z.string().trim().min(1, 'is required').max(100),
      kind: z.enum(MONITOR_KINDS),
      storeId: z.string().trim().min(1).max(100).nullable(),
      target: z.string().trim().max(2000).nullable(),
      port: z.number().int().min(1).max(65535).nullable(),
      http: httpSettings.nullable(),
      dnsRecordType: z.enum(DNS_RECORD_TYPES).nullable(),
      dnsExpected: optionalText(500),
      intervalSeconds: z.number().int().min(minIntervalSeconds).max(86_400),
      timeoutMs: z.number().int().min(100).max(60_000),
      retries: z.number().int().min(0).max(10),
      enabled: z.boolean(),
    })
    .superRefine((m, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      if (m.timeoutMs >= m.intervalSeconds * 1000) issue(['timeoutMs'], 'must be less than the interval');
      if (m.kind !== 'PUSH' && !m.target) issue(['target'], 'is required for this kind');
      if (m.kind === 'TCP' && m.port === null) issue(['port'], 'is required for TCP');
      if (m.kind === 'HTTP' && m.target) {
        let url: URL | null = null;
        try {
          url = new URL(m.target);
        } catch {
          issue(['target'], 'Not a valid URL');
        }
        if (url && url.protocol !== 'http:' && url.protocol !== 'https:')
          issue(['target'], 'Only http and https URLs are allowed');
      }
      if (
        (m.kind === 'TCP' || m.kind === 'PING' || m.kind === 'DNS') &&
        m.target &&
        !/^[A-Za-z0-9._:[\]-]+$/.test(m.target)
      )
        issue(['target'], 'must be a host name or an address');
      if (m.http) {
        if (m.http.expectedStatusMax < m.http.expectedStatusMin)
          issue(['http', 'expectedStatusMax'], 'must be at least expectedStatusMin');
        if (m.http.jsonPath && m.http.jsonExpected === null)
          issue(['http', 'jsonExpected'], 'is required with jsonPath');
        if (m.http.method === 'HEAD' && (m.http.keyword || m.http.jsonPath))
          issue(['http', 'method'], 'HEAD answers have no body: no keyword or JSON path');
      }
    });
}

export type MonitorSettings = Pick<
  Monitor,
  | 'name'
  | 'kind'
  | 'storeId'
  | 'target'
  | 'port'
  | 'http'
  | 'dnsRecordType'
  | 'dnsExpected'
  | 'intervalSeconds'
  | 'timeoutMs'
  | 'retries'
  | 'enabled'
>;

type HttpInput = Partial<{ [K in keyof HttpMonitorSettings]: HttpMonitorSettings[K] | null }>;
export type MonitorInputValues = Partial<{
  name: string | null;
  kind: MonitorKind | null;
  storeId: string | null;
  target: string | null;
  port: number | null;
  http: HttpInput | null;
  dnsRecordType: string | null;
  dnsExpected: string | null;
  intervalSeconds: number | null;
  timeoutMs: number | null;
  retries: number | null;
  enabled: boolean | null;
}>;

/** Fields of `patch` that were given (null included: it clears), over `base`. */
function over<T extends object>(base: T, patch: object, nullable: readonly string[]): T {
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null && !nullable.includes(key)) continue;
    merged[key] = value;
  }
  return merged as T;
}

const NULLABLE_FIELDS = ['storeId', 'target', 'port', 'dnsRecordType', 'dnsExpected'];
const NULLABLE_HTTP_FIELDS = ['keyword', 'jsonPath', 'jsonExpected', 'certificateExpiryDays'];

/**
 * The settings a monitor will have: `input` over `current` (create: over the defaults), with the
 * kind's own fields only (an HTTP monitor's http settings, a DNS monitor's record type…). Issues
 * come back as zod issues with paths relative to the input (http.expectedStatusMin).
 */
export function monitorSettings(
  input: MonitorInputValues,
  current: MonitorSettings | null,
  minIntervalSeconds: number,
): z.ZodSafeParseResult<MonitorSettings> {
  const kind = (current?.kind ?? input.kind ?? 'HTTP') as MonitorKind;
  const intervalSeconds = input.intervalSeconds ?? current?.intervalSeconds ?? 60;
  const base: MonitorSettings = current ?? {
    name: '',
    kind,
    storeId: null,
    target: null,
    port: null,
    http: null,
    dnsRecordType: null,
    dnsExpected: null,
    intervalSeconds,
    timeoutMs: Math.min(10_000, Math.max(100, intervalSeconds * 1000 - 1000)),
    retries: 1,
    enabled: true,
  };
  const merged = over(base, { ...input, kind, http: undefined }, NULLABLE_FIELDS);
  merged.http =
    kind === 'HTTP' ? over(current?.http ?? DEFAULT_HTTP_SETTINGS, input.http ?? {}, NULLABLE_HTTP_FIELDS) : null;
  if (kind === 'DNS') merged.dnsRecordType = (merged.dnsRecordType ?? 'A').toUpperCase();
  else merged.dnsRecordType = merged.dnsExpected = null;
  if (kind !== 'TCP') merged.port = null;
  if (kind === 'PUSH') merged.target = null;
  return monitorSchema(minIntervalSeconds).safeParse(merged) as z.ZodSafeParseResult<MonitorSettings>;
}
