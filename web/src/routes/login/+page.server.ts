import { fail } from '@sveltejs/kit';
import { LoginMutation } from '$lib/graphql/documents.js';
import { firstErrorCode, gatewayRequest } from '$lib/server/gateway.js';
import { startBrowserSession } from '$lib/server/session-cookie.js';
import type { Actions } from './$types';

const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Email or password is wrong.',
  RATE_LIMITED: 'Too many attempts. Wait a few minutes and try again.',
  BAD_USER_INPUT: 'Enter a valid email and password.',
};

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) return fail(400, { email, message: 'Enter your email and password.' });
    const result = await gatewayRequest(LoginMutation, { email, password }, { clientAddress: getClientAddress() }).catch(() => null);
    if (!result) return fail(503, { email, message: 'The server cannot be reached. Try again in a moment.' });
    if (!result.data?.login) {
      const code = firstErrorCode(result) ?? 'INTERNAL_SERVER_ERROR';
      return fail(code === 'RATE_LIMITED' ? 429 : 401, { email, message: MESSAGES[code] ?? 'Signing in failed. Try again.' });
    }
    return { session: startBrowserSession(cookies, url, result.data.login) };
  },
};
