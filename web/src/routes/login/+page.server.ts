import { fail, type Cookies } from '@sveltejs/kit';
import { CompleteSignInMutation, LoginMutation } from '$lib/graphql/documents.js';
import { clientHeaders, firstErrorCode, gatewayRequest } from '$lib/server/gateway.js';
import { deviceId, startBrowserSession } from '$lib/server/session-cookie.js';
import type { Actions } from './$types';

const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Email or password is wrong.',
  RATE_LIMITED: 'Too many attempts. Wait a few minutes and try again.',
  BAD_USER_INPUT: 'Enter a valid email and password.',
};

const CODE_MESSAGES: Record<string, string> = {
  BAD_USER_INPUT: 'That code is not valid. Enter the current code from your app, or an unused recovery code.',
  RATE_LIMITED: 'Too many attempts. Wait a few minutes and try again.',
  UNAUTHENTICATED: 'This sign-in has expired. Enter your password again.',
};

// The second step's challenge: an httpOnly cookie only this page's actions read, never the browser's scripts.
const CHALLENGE_COOKIE = 'switchyard_challenge';

function challengeCookie(cookies: Cookies, url: URL, value: string | null, expiresAt?: string) {
  const options = { path: '/login', httpOnly: true, sameSite: 'strict', secure: url.protocol === 'https:' } as const;
  if (value === null) cookies.delete(CHALLENGE_COOKIE, options);
  else cookies.set(CHALLENGE_COOKIE, value, { ...options, expires: new Date(expiresAt!) });
}

export const actions: Actions = {
  password: async (event) => {
    const { request, cookies, url } = event;
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) return fail(400, { email, message: 'Enter your email and password.' });
    const result = await gatewayRequest(
      LoginMutation,
      { email, password, device: deviceId(cookies, url) },
      { client: clientHeaders(event) },
    ).catch(() => null);
    if (!result) return fail(503, { email, message: 'The server cannot be reached. Try again in a moment.' });
    const login = result.data?.login;
    if (!login) {
      const code = firstErrorCode(result) ?? 'INTERNAL_SERVER_ERROR';
      return fail(code === 'RATE_LIMITED' ? 429 : 401, {
        email,
        message: MESSAGES[code] ?? 'Signing in failed. Try again.',
      });
    }
    if (login.secondFactor) {
      challengeCookie(cookies, url, login.secondFactor.challengeToken, login.secondFactor.expiresAt);
      return { email, secondFactor: true };
    }
    const { accessToken, refreshToken, expiresAt, user, twoFactorEnrolmentRequired } = login;
    return {
      session: startBrowserSession(cookies, url, {
        accessToken: accessToken!,
        refreshToken: refreshToken!,
        expiresAt: expiresAt!,
        user: user!,
        twoFactorEnrolmentRequired,
      }),
    };
  },

  /** The second step: a code from the authenticator app, or a recovery code. */
  code: async (event) => {
    const { request, cookies, url } = event;
    const form = await request.formData();
    const code = String(form.get('code') ?? '').trim();
    const challengeToken = cookies.get(CHALLENGE_COOKIE);
    if (!challengeToken)
      return fail(401, { secondFactor: false, message: 'This sign-in has expired. Enter your password again.' });
    if (!code) return fail(400, { secondFactor: true, message: 'Enter the code from your authenticator app.' });
    const result = await gatewayRequest(
      CompleteSignInMutation,
      { challengeToken, code },
      { client: clientHeaders(event) },
    ).catch(() => null);
    if (!result)
      return fail(503, { secondFactor: true, message: 'The server cannot be reached. Try again in a moment.' });
    if (!result.data?.completeSignIn) {
      const errorCode = firstErrorCode(result) ?? 'INTERNAL_SERVER_ERROR';
      // An expired or exhausted challenge cannot be retried: back to the password.
      if (errorCode === 'UNAUTHENTICATED') challengeCookie(cookies, url, null);
      return fail(errorCode === 'RATE_LIMITED' ? 429 : errorCode === 'UNAUTHENTICATED' ? 401 : 400, {
        secondFactor: errorCode !== 'UNAUTHENTICATED',
        message: CODE_MESSAGES[errorCode] ?? 'Signing in failed. Try again.',
      });
    }
    challengeCookie(cookies, url, null);
    return { session: startBrowserSession(cookies, url, result.data.completeSignIn) };
  },
};
