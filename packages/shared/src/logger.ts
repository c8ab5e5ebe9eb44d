import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout, one line per event; secrets are redacted wherever they appear in a log object. */
export function createLogger(service: string, level: string): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: {
      paths: [
        'password',
        '*.password',
        'accessToken',
        'refreshToken',
        'secret',
        '*.secret',
        'headers.authorization',
        'headers["x-api-key"]',
      ],
      censor: '[redacted]',
    },
  });
}
