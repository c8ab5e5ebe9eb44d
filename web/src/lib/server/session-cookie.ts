// The refresh token: an httpOnly cookie only /auth/* receives; the browser's scripts never see it.
import type { Cookies } from '@sveltejs/kit';
import type { AuthPayloadFieldsFragment } from '../graphql/generated/graphql.js';
import type { BrowserSession } from '../session.svelte.js';

const NAME = 'switchyard_refresh';
const PATH = '/auth';
/** The API's default session lifetime; the API refuses the token once the session is over anyway. */
const MAX_AGE_SECONDS = 30 * 24 * 3600;

export function readRefreshToken(cookies: Cookies): string | undefined {
  return cookies.get(NAME);
}

/** Keeps the refresh token in the cookie and returns what the browser may see. */
export function startBrowserSession(cookies: Cookies, url: URL, payload: AuthPayloadFieldsFragment): BrowserSession {
  cookies.set(NAME, payload.refreshToken, {
    path: PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    maxAge: MAX_AGE_SECONDS,
  });
  const { refreshToken: _kept, ...browser } = payload;
  return browser;
}

export function clearRefreshToken(cookies: Cookies, url: URL) {
  cookies.delete(NAME, { path: PATH, httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

const DEVICE_COOKIE = 'switchyard_device';
const DEVICE_MAX_AGE_SECONDS = 400 * 24 * 3600;

/**
 * This browser's device id, made on its first sign-in and sent with every login: once it has signed
 * in to an account, someone else's failed logins (even from the same address) do not slow its own.
 * Only the login action reads it.
 */
export function deviceId(cookies: Cookies, url: URL): string {
  const existing = cookies.get(DEVICE_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{16,128}$/.test(existing)) return existing;
  const id = crypto.randomUUID();
  cookies.set(DEVICE_COOKIE, id, {
    path: '/login',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    maxAge: DEVICE_MAX_AGE_SECONDS,
  });
  return id;
}
