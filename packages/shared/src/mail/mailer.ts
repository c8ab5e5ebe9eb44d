import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { writeFileAtomically } from '../atomic-file.ts';
import { createCircuitBreakers, type CircuitBreakersOptions } from '../circuit-breakers.ts';

export interface MailMessage {
  /** One address, or several separated by commas. */
  to: string;
  subject: string;
  text: string;
  /** The HTML alternative; plain-text-only messages (alerts) leave it out. */
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface MailerOptions {
  /** The sending service: names its circuit breaker's metrics. */
  service: string;
  smtpUrl: string | null;
  from: string;
  outboxDir: string;
  /** A circuit breaker (`smtp`) in front of the SMTP server: once it keeps failing, sends fail at once until it is tried again. */
  breaker?: Pick<CircuitBreakersOptions, 'failures' | 'halfOpenAfterMs' | 'onStateChange'>;
}

/** nodemailer's codes for the server being unreachable or broken (not a rejected recipient or message). */
const SERVER_FAILURES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS']);
const isServerFailure = (error: Error) =>
  SERVER_FAILURES.has(String((error as NodeJS.ErrnoException).code)) ||
  (error as { responseCode?: number }).responseCode === 421;

/**
 * Every service's outgoing mail. Sends through SMTP when `smtpUrl` is set; otherwise writes each
 * message as an .eml file under `outboxDir`, so an install without a mail server still shows what
 * would have gone out (and a person can open the link in it).
 */
export function createMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    const send = async (message: MailMessage): Promise<void> => {
      await transport.sendMail({ from: options.from, ...message });
    };
    if (!options.breaker) return { send };
    const breakers = createCircuitBreakers({
      service: options.service,
      ...options.breaker,
      countsError: isServerFailure,
    });
    // Listed from the start: the mail server is a dependency before the first mail goes out.
    breakers.prepare('smtp');
    return { send: (message) => breakers.execute('smtp', 'The mail server', () => send(message)) };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const { message: eml } = await transport.sendMail({ from: options.from, ...message });
      await mkdir(options.outboxDir, { recursive: true });
      await writeFileAtomically(
        path.join(
          options.outboxDir,
          `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`,
        ),
        eml as Buffer,
      );
    },
  };
}
