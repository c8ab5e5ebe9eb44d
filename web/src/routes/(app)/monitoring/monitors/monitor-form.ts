// A monitor's form as plain data: which fields each kind reads, the checks made as it is filled in
// (the API's rules, so a form that passes them is saved, except for the interval's minimum, which is
// the server's setting and comes back at its field), and the input sent to the API.
import type {
  HttpMethod,
  MonitorFieldsFragment,
  MonitorInput,
  MonitorKind,
  UpdateMonitorInput,
} from '$lib/graphql/generated/graphql.js';
import type { Problems } from '$lib/ui/form-checks.svelte.js';

export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT'] as const;
export const HTTP_METHODS: HttpMethod[] = ['GET', 'HEAD', 'POST'];

export const KINDS: Record<MonitorKind, { label: string; help: string; targetLabel?: string; targetHint?: string }> = {
  HTTP: {
    label: 'HTTP(S)',
    help: 'Asks a web address and checks the status code, and optionally a keyword or a JSON value in the answer.',
    targetLabel: 'URL',
    targetHint: 'http or https, e.g. https://shop.example.com/health',
  },
  TCP: {
    label: 'TCP port',
    help: 'Opens a connection to a port, e.g. a receipt printer or a database.',
    targetLabel: 'Host',
    targetHint: 'A host name or address',
  },
  DNS: {
    label: 'DNS',
    help: 'Resolves a name and, optionally, checks that the answer contains a value.',
    targetLabel: 'Name to resolve',
    targetHint: 'e.g. shop.example.com',
  },
  PING: {
    label: 'Ping',
    help: 'Pings a host (ICMP where the server may, else a connection to port 443 or 80).',
    targetLabel: 'Host',
    targetHint: 'A host name or address',
  },
  PUSH: {
    label: 'Push (heartbeat)',
    help: 'Waits for a call: a cron job or device calls its secret URL; no call within the interval counts as down.',
  },
};

export type MonitorField =
  | 'name'
  | 'storeId'
  | 'target'
  | 'port'
  | 'dnsRecordType'
  | 'dnsExpected'
  | 'intervalSeconds'
  | 'timeoutMs'
  | 'retries'
  | 'http.method'
  | 'http.expectedStatusMin'
  | 'http.expectedStatusMax'
  | 'http.keyword'
  | 'http.jsonPath'
  | 'http.jsonExpected'
  | 'http.certificateExpiryDays';

export const ALL_FIELDS: readonly MonitorField[] = [
  'name',
  'storeId',
  'target',
  'port',
  'dnsRecordType',
  'dnsExpected',
  'intervalSeconds',
  'timeoutMs',
  'retries',
  'http.method',
  'http.expectedStatusMin',
  'http.expectedStatusMax',
  'http.keyword',
  'http.jsonPath',
  'http.jsonExpected',
  'http.certificateExpiryDays',
];

export interface MonitorValues {
  name: string;
  kind: MonitorKind;
  storeId: string;
  target: string;
  port: number | null;
  dnsRecordType: string;
  dnsExpected: string;
  intervalSeconds: number | null;
  timeoutMs: number | null;
  retries: number | null;
  enabled: boolean;
  http: {
    method: HttpMethod;
    expectedStatusMin: number | null;
    expectedStatusMax: number | null;
    keyword: string;
    jsonPath: string;
    jsonExpected: string;
    followRedirects: boolean;
    certificateExpiryDays: number | null;
    ignoreTls: boolean;
  };
}

export const blankMonitor = (storeId = ''): MonitorValues => ({
  name: '',
  kind: 'HTTP',
  storeId,
  target: '',
  port: null,
  dnsRecordType: 'A',
  dnsExpected: '',
  intervalSeconds: 60,
  timeoutMs: 10_000,
  retries: 1,
  enabled: true,
  http: {
    method: 'GET',
    expectedStatusMin: 200,
    expectedStatusMax: 299,
    keyword: '',
    jsonPath: '',
    jsonExpected: '',
    followRedirects: true,
    certificateExpiryDays: 14,
    ignoreTls: false,
  },
});

export function monitorValues(monitor: MonitorFieldsFragment): MonitorValues {
  const blank = blankMonitor();
  const http = monitor.http;
  return {
    name: monitor.name,
    kind: monitor.kind,
    storeId: monitor.store?.id ?? '',
    target: monitor.target ?? '',
    port: monitor.port ?? null,
    dnsRecordType: monitor.dnsRecordType ?? 'A',
    dnsExpected: monitor.dnsExpected ?? '',
    intervalSeconds: monitor.intervalSeconds,
    timeoutMs: monitor.timeoutMs,
    retries: monitor.retries,
    enabled: monitor.enabled,
    http: http
      ? {
          method: http.method,
          expectedStatusMin: http.expectedStatusMin,
          expectedStatusMax: http.expectedStatusMax,
          keyword: http.keyword ?? '',
          jsonPath: http.jsonPath ?? '',
          jsonExpected: http.jsonExpected ?? '',
          followRedirects: http.followRedirects,
          certificateExpiryDays: http.certificateExpiryDays ?? null,
          ignoreTls: http.ignoreTls,
        }
      : blank.http,
  };
}

/** The fields a kind shows, in the form's order (the common ones after them). */
export function fieldsOf(kind: MonitorKind): MonitorField[] {
  const own: Record<MonitorKind, MonitorField[]> = {
    HTTP: [
      'target',
      'http.method',
      'http.expectedStatusMin',
      'http.expectedStatusMax',
      'http.keyword',
      'http.jsonPath',
      'http.jsonExpected',
      'http.certificateExpiryDays',
    ],
    TCP: ['target', 'port'],
    DNS: ['target', 'dnsRecordType', 'dnsExpected'],
    PING: ['target'],
    PUSH: [],
  };
  return ['name', 'storeId', ...own[kind], 'intervalSeconds', 'timeoutMs', 'retries'];
}

const isWhole = (value: number | null): value is number => typeof value === 'number' && Number.isInteger(value);
const between = (value: number | null, min: number, max: number, message: string) =>
  isWhole(value) && value >= min && value <= max ? null : message;

function urlProblem(value: string): string | null {
  const text = value.trim();
  if (!text) return 'Enter the address to check, starting with http:// or https://';
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Use an http:// or https:// address';
    return url.hostname ? null : 'Enter a host name in the address';
  } catch {
    return 'This is not a web address: start with http:// or https://';
  }
}

const HOST = /^[A-Za-z0-9]([A-Za-z0-9-.:[\]]*[A-Za-z0-9\]])?$/;
const hostProblem = (value: string, what: string) =>
  !value.trim()
    ? `Enter the ${what}`
    : HOST.test(value.trim())
      ? null
      : 'Enter a host name or an address, without http://';

/** Each field's problem for the chosen kind; fields the kind does not show have none. */
export function monitorProblems(values: MonitorValues): Problems<MonitorField> {
  const { kind, http } = values;
  const problems: Problems<MonitorField> = {
    name: values.name.trim() ? (values.name.trim().length > 100 ? 'Use at most 100 characters' : null) : 'Enter a name',
    intervalSeconds: between(values.intervalSeconds, 1, 86_400, 'Enter whole seconds, at most 86400 (a day)'),
    retries: between(values.retries, 0, 10, 'Enter a number from 0 to 10'),
  };
  const timeout = values.timeoutMs;
  problems.timeoutMs = between(timeout, 100, 60_000, 'Enter milliseconds from 100 to 60000');
  if (!problems.timeoutMs && isWhole(values.intervalSeconds) && timeout! >= values.intervalSeconds * 1000)
    problems.timeoutMs = 'Must be shorter than the interval';

  if (kind === 'HTTP') {
    problems.target = urlProblem(values.target);
    const min = http.expectedStatusMin;
    const max = http.expectedStatusMax;
    problems['http.expectedStatusMin'] = between(min, 100, 599, 'Enter a status code from 100 to 599');
    problems['http.expectedStatusMax'] =
      between(max, 100, 599, 'Enter a status code from 100 to 599') ??
      (isWhole(min) && max! < min ? 'Must not be below the lowest accepted status' : null);
    problems['http.jsonPath'] =
      http.jsonExpected.trim() && !http.jsonPath.trim() ? 'Enter the path of the value to compare' : null;
    problems['http.jsonExpected'] =
      http.jsonPath.trim() && !http.jsonExpected.trim() ? 'Enter the value the path must have' : null;
    problems['http.certificateExpiryDays'] =
      http.certificateExpiryDays === null
        ? null
        : between(http.certificateExpiryDays, 1, 365, 'Enter 1 to 365 days, or leave empty');
  } else if (kind === 'TCP') {
    problems.target = hostProblem(values.target, 'host to connect to');
    problems.port = between(values.port, 1, 65_535, 'Enter a port from 1 to 65535');
  } else if (kind === 'DNS') {
    problems.target = values.target.trim() ? null : 'Enter the name to resolve';
    problems.dnsRecordType = (DNS_RECORD_TYPES as readonly string[]).includes(values.dnsRecordType)
      ? null
      : 'Choose a record type';
  } else if (kind === 'PING') {
    problems.target = hostProblem(values.target, 'host to ping');
  }
  return problems;
}

const text = (value: string) => value.trim() || null;

/** The API's input: the kind's own fields; an emptied optional text is sent as null, so an edit clears it. */
export function monitorInput(values: MonitorValues): UpdateMonitorInput {
  const { kind, http } = values;
  return {
    name: values.name.trim(),
    storeId: values.storeId || null,
    target: kind === 'PUSH' ? null : values.target.trim(),
    ...(kind === 'TCP' ? { port: values.port } : {}),
    ...(kind === 'DNS' ? { dnsRecordType: values.dnsRecordType, dnsExpected: text(values.dnsExpected) } : {}),
    ...(kind === 'HTTP'
      ? {
          http: {
            method: http.method,
            expectedStatusMin: http.expectedStatusMin,
            expectedStatusMax: http.expectedStatusMax,
            keyword: http.keyword === '' ? null : http.keyword,
            jsonPath: text(http.jsonPath),
            jsonExpected: text(http.jsonExpected),
            followRedirects: http.followRedirects,
            certificateExpiryDays: http.certificateExpiryDays,
            ignoreTls: http.ignoreTls,
          },
        }
      : {}),
    intervalSeconds: values.intervalSeconds,
    timeoutMs: values.timeoutMs,
    retries: values.retries,
    enabled: values.enabled,
  };
}

export const createInput = (values: MonitorValues): MonitorInput => ({
  ...monitorInput(values),
  name: values.name.trim(),
  kind: values.kind,
});

/** What a monitor watches, in a few words: "GET https://…", "printer.local:9100", "A shop.example.com". */
export function targetSummary(
  monitor: Pick<MonitorFieldsFragment, 'kind' | 'target' | 'port' | 'dnsRecordType' | 'http'>,
) {
  switch (monitor.kind) {
    case 'HTTP':
      return `${monitor.http?.method ?? 'GET'} ${monitor.target ?? ''}`;
    case 'TCP':
      return `${monitor.target ?? ''}:${monitor.port ?? '?'}`;
    case 'DNS':
      return `${monitor.dnsRecordType ?? 'A'} ${monitor.target ?? ''}`;
    case 'PING':
      return monitor.target ?? '';
    default:
      return 'waits for calls to its URL';
  }
}

/** A certificate's state: expired, expiring (within the warning days), or fine. */
export function certificateState(
  expiresAt: string | null | undefined,
  warnDays: number | null | undefined,
  now: number,
): 'expired' | 'expiring' | 'ok' | null {
  if (!expiresAt) return null;
  const left = Date.parse(expiresAt) - now;
  if (left <= 0) return 'expired';
  if (warnDays !== null && warnDays !== undefined && left <= warnDays * 86_400_000) return 'expiring';
  return 'ok';
}

/** The push URL called from a shell, as a cron job would. */
export const curlExample = (pushUrl: string) =>
  `curl -fsS -m 10 --retry 3 "${pushUrl}"\n# report a failure:\ncurl -fsS -m 10 "${pushUrl}?status=down&msg=backup%20failed"`;
