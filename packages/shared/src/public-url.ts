import { env } from './config.ts';
import { DEFAULT_PORTS } from './ports.ts';

/**
 * The one public origin a person or a hub reaches the system at (the web server, or a proxy in
 * front of it). Services that put links in what they send (hub postURLs, password-reset and
 * invitation mails) read the same two variables and derive it the same way.
 */
export const publicUrlEnvShape = {
  PUBLIC_URL: env.url().optional(),
  WEB_PORT: env.port(DEFAULT_PORTS.web),
};

/** `PUBLIC_URL` without a trailing slash; by default the web server on this host, http://<HOST>:<WEB_PORT>. */
export function publicUrlOf(e: { PUBLIC_URL?: string | undefined; WEB_PORT: number }, host: string): string {
  return (e.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${e.WEB_PORT}`).replace(/\/+$/, '');
}
