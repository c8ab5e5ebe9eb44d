/** User-defined monitors: what one is, as stored, and the name of its service state. */

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
