import { fail } from '@sveltejs/kit';
import { LoginMutation } from '$lib/graphql/documents.js';
import { clientHeaders, firstErrorCode, gatewayRequest } from '$lib/server/gateway.js';
import { deviceId, startBrowserSession } from '$lib/server/session-cookie.js';
import type { Actions } from './$types';

const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Email or password is wrong.',
  RATE_LIMITED: 'Too many attempts. Wait a few minutes and try again.',
  BAD_USER_INPUT: 'Enter a valid email and password.',
};

export const actions: Actions = {
  default: async (event) => {
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
    if (!result.data?.login) {
      const code = firstErrorCode(result) ?? 'INTERNAL_SERVER_ERROR';
      return fail(code === 'RATE_LIMITED' ? 429 : 401, {
        email,
        message: MESSAGES[code] ?? 'Signing in failed. Try again.',
      });
    }
    return { session: startBrowserSession(cookies, url, result.data.login) };
  },
};
