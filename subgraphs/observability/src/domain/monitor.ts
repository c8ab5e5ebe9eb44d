/** User-defined monitors: what one is, as stored, and the name of its service state. */
import { createHash, createHmac } from 'node:crypto';

export type MonitorKind = 'HTTP' | 'TCP' | 'DNS' | 'PING' | 'PUSH';
export type HttpMethod = 'GET' | 'HEAD' | 'POST';

export interface HttpMonitorSettings {
  method: HttpMethod;
  expectedStatusMin: number;
  expectedStatusMax: number;
  keyword: string | null;
  jsonPath: string | null;
  jsonExpected: string | null;
  followRedirects: boolean;
  certificateExpiryDays: number | null;
  ignoreTls: boolean;
}

export interface Monitor {
  id: string;
  name: string;
  kind: MonitorKind;
  storeId: string | null;
  target: string | null;
  port: number | null;
  /** HTTP only; null for the other kinds. */
  http: HttpMonitorSettings | null;
  dnsRecordType: string | null;
  dnsExpected: string | null;
  intervalSeconds: number;
  timeoutMs: number;
  retries: number;
  enabled: boolean;
  /** PUSH: sha-256 (hex) of the push token; the token itself is never stored. */
  pushTokenHash: string | null;
  /** PUSH: which token is current; rotatePushUrl bumps it. */
  pushGeneration: number;
  /** PUSH: when its URL was last called. */
  lastPushAt: Date | null;
  certificateExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const MONITOR_SUBJECT_PREFIX = 'monitor:';

/** The service state (and alert subject) name of a monitor. */
export function monitorSubject(id: string): string {
  return `${MONITOR_SUBJECT_PREFIX}${id}`;
}

/** The monitor id of a `monitor:<id>` subject, or null for any other subject. */
export function monitorIdOf(subject: string): string | null {
  return subject.startsWith(MONITOR_SUBJECT_PREFIX) ? subject.slice(MONITOR_SUBJECT_PREFIX.length) : null;
}

/**
 * The value at a JSON path in a parsed body: `$.status`, `status.db`, `items[0].name`, `$[1]`.
 * A plain dotted path with indexes covers what health endpoints answer; undefined when absent.
 */
export function jsonPathValue(document: unknown, path: string): unknown {
  const steps = path
    .trim()
    .replace(/^\$\.?/, '')
    .split(/\.|\[(\d+)\]/)
    .filter((step) => step !== undefined && step !== '');
  let value: unknown = document;
  for (const step of steps) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Array.isArray(value) ? value[Number(step)] : (value as Record<string, unknown>)[step];
  }
  return value;
}

/** A JSON value as the text compared with jsonExpected: strings as they are, the rest as JSON. */
export function jsonValueText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Why an HTTP answer fails the monitor's expectations, or null when it passes. */
export function httpProblem(
  settings: HttpMonitorSettings,
  answer: { status: number; body: string | null },
): string | null {
  if (answer.status < settings.expectedStatusMin || answer.status > settings.expectedStatusMax)
    return `HTTP ${answer.status}, expected ${settings.expectedStatusMin}–${settings.expectedStatusMax}`;
  if (settings.keyword !== null && !(answer.body ?? '').includes(settings.keyword))
    return `keyword "${settings.keyword}" not found`;
  if (settings.jsonPath !== null) {
    let document: unknown;
    try {
      document = JSON.parse(answer.body ?? '');
    } catch {
      return 'the body is not JSON';
    }
    const actual = jsonValueText(jsonPathValue(document, settings.jsonPath));
    if (actual === undefined) return `${settings.jsonPath} not found`;
    if (actual !== settings.jsonExpected)
      return `${settings.jsonPath} is ${actual.slice(0, 100)}, expected ${settings.jsonExpected}`;
  }
  return null;
}

/** DNS answers as text, whatever the record type (MX: the exchange; TXT: the chunks joined). */
export function dnsAnswerTexts(recordType: string, answers: unknown[]): string[] {
  return answers.map((answer) => {
    if (recordType === 'MX') return (answer as { exchange: string }).exchange;
    if (recordType === 'TXT') return (answer as string[]).join('');
    return String(answer);
  });
}

/** Why DNS answers fail the expectation, or null: some answer, and the expected value among them (case-insensitive, trailing dot ignored). */
export function dnsProblem(texts: string[], expected: string | null): string | null {
  if (texts.length === 0) return 'no answer';
  if (expected === null) return null;
  const norm = (text: string) => text.trim().toLowerCase().replace(/\.$/, '');
  return texts.some((text) => norm(text) === norm(expected))
    ? null
    : `expected ${expected}, got ${texts.slice(0, 5).join(', ').slice(0, 200)}`;
}

export type MonitorHealth = 'UP' | 'DEGRADED' | 'DOWN';

/**
 * A monitor's status after a check, with `retries`: a failure counts as DOWN only after
 * `retries` failed checks in a row before it (retries 0: at once). Until then the monitor is
 * DEGRADED ("retrying": visible, counted as available in uptime, no SERVICE_DOWN alert), except
 * that a monitor already DOWN stays DOWN on the next failure. A success is UP.
 */
export function monitorHealth(
  ok: boolean,
  failuresInARow: number,
  retries: number,
  previous: string | null,
): MonitorHealth {
  if (ok) return 'UP';
  if (previous === 'DOWN' || failuresInARow > retries) return 'DOWN';
  return 'DEGRADED';
}

/** A PUSH monitor's outcome: DOWN when no call came within the interval (calls before `since`, a restart or creation, do not count). */
export function pushOverdue(lastPushAt: Date | null, since: Date, intervalSeconds: number, now: Date): boolean {
  const from = lastPushAt && lastPushAt > since ? lastPushAt : since;
  return now.getTime() - from.getTime() > intervalSeconds * 1000;
}

/** Whether a certificate expiring at `expiresAt` is within `days` of `now`. */
export function certificateExpiring(expiresAt: Date | null, days: number | null, now: Date): boolean {
  return expiresAt !== null && days !== null && expiresAt.getTime() - now.getTime() <= days * 86_400_000;
}

/**
 * A PUSH monitor's token: an HMAC of its id and generation under the installation's secret, so
 * the URL can be shown again to operators while the database keeps only its sha-256 (a copy of
 * the database alone does not let anyone push). Rotating bumps the generation.
 */
export function pushToken(secret: string, monitorId: string, generation: number): string {
  return createHmac('sha256', secret)
    .update(`monitor-push:${monitorId}:${generation}`)
    .digest('base64url')
    .slice(0, 32);
}

export function pushTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const PUSH_PATH_PREFIX = '/push/';

export function pushUrl(publicUrl: string, token: string): string {
  return `${publicUrl}${PUSH_PATH_PREFIX}${token}`;
}
