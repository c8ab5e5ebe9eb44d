import { prettyFactory } from 'pino-pretty';
import type { FirstAdmin } from '@switchyard/shared/first-admin';
import type { OutputStream } from './service-process.ts';

export type LogFormat = 'pretty' | 'json';

/** What the launcher tells once every service is ready. */
export interface RunningSystem {
  web: string;
  api: string;
  data: string;
  firstAdmin: FirstAdmin | null;
}

export interface Output {
  format: LogFormat;
  /** A line a service printed: its JSON log lines as they are (or pretty), anything else as a log line of that service. */
  service(name: string, line: string, stream: OutputStream): void;
  /** The launcher's own word: plain text when pretty, a JSON log line otherwise. */
  say(text: string): void;
  /** Same, for problems (stderr when pretty). */
  fail(text: string): void;
  /** "Switchyard is running", with the URLs, the first admin (if it was just created), where data lives, how to stop. */
  running(system: RunningSystem): void;
}

const INFO = 30;
const ERROR = 50;
// Shown as the message's own words (see flatten), not as trailing fields.
const SHOWN_KEYS = 'pid,hostname,name,service,requestId,traceId';

interface LogLine extends Record<string, unknown> {
  level: number;
  msg?: string;
  service?: string;
}

function parse(line: string): LogLine | null {
  if (!line.startsWith('{')) return null;
  try {
    const value = JSON.parse(line) as unknown;
    return value && typeof value === 'object' && typeof (value as LogLine).level === 'number'
      ? (value as LogLine)
      : null;
  } catch {
    return null;
  }
}

/** A request's log line reads "POST /graphql 200 12 ms" rather than four trailing fields. */
function flatten(log: LogLine): LogLine {
  if (log.msg !== 'request' || typeof log.method !== 'string') return log;
  const { method, path, status, ms, ...rest } = log;
  return { ...rest, msg: `${method} ${path} ${status} ${ms} ms` };
}

/**
 * The launcher's terminal: `pretty` is for a person at a terminal (colored, one line per event:
 * time, level, service, message, request id); `json` keeps every line a JSON log line, for whatever
 * collects the output.
 */
export function createOutput(format: LogFormat, stdout = process.stdout, stderr = process.stderr): Output {
  if (format === 'json') {
    const write = (level: number, service: string, msg: string, fields: Record<string, unknown> = {}) =>
      stdout.write(`${JSON.stringify({ level, time: Date.now(), service, msg, ...fields })}\n`);
    return {
      format,
      service(name, line, stream) {
        if (parse(line)) stdout.write(`${line}\n`);
        else write(stream === 'stderr' ? ERROR : INFO, name, line);
      },
      say: (text) => write(INFO, 'launcher', text),
      fail: (text) => write(ERROR, 'launcher', text),
      running: ({ firstAdmin, ...urls }) =>
        write(INFO, 'launcher', 'Switchyard is running; Ctrl-C (SIGINT) or SIGTERM stops it', {
          ...urls,
          ...(firstAdmin ? { firstAdmin } : {}),
        }),
    };
  }
  const pretty = prettyFactory({
    colorize: true,
    translateTime: 'SYS:HH:MM:ss.l',
    singleLine: true,
    ignore: SHOWN_KEYS,
    messageFormat: (log, messageKey, _level, { colors }) => {
      const service = colors.cyan(String(log.service ?? '').padEnd(13));
      const requestId = log.requestId ? colors.gray(` [${String(log.requestId)}]`) : '';
      return `${service} ${String(log[messageKey] ?? '')}${requestId}`;
    },
  });
  return {
    format,
    service(name, line, stream) {
      const log = parse(line) ?? {
        level: stream === 'stderr' ? ERROR : INFO,
        time: Date.now(),
        service: name,
        msg: line,
      };
      stdout.write(pretty(flatten(log)));
    },
    say: (text) => stdout.write(`${text}\n`),
    fail: (text) => stderr.write(`${text}\n`),
    running: ({ web, api, data, firstAdmin }) =>
      stdout.write(
        [
          '',
          'Switchyard is running',
          `  Web UI       ${web}`,
          `  GraphQL API  ${api} (websocket too; SSE on /graphql/stream)`,
          `  Data         ${data}`,
          ...(firstAdmin
            ? [
                `  First admin  ${firstAdmin.email}`,
                `  Password     ${firstAdmin.password}   (shown this once; ADMIN_EMAIL and ADMIN_PASSWORD choose your own)`,
              ]
            : []),
          'Press Ctrl-C to stop.',
          '',
          '',
        ].join('\n'),
      ),
  };
}

/**
 * A service's error: worth showing while the system is still starting. Warnings are not: services
 * starting together warn about each other (the gateway about subgraphs not listening yet).
 */
export function isProblem(line: string, stream: OutputStream): boolean {
  const log = parse(line);
  return log ? log.level >= ERROR : stream === 'stderr';
}
