import { fail } from '@sveltejs/kit';
import { clientHeaders, firstErrorCode, gatewayRequest } from '$lib/server/gateway.js';
import type { Actions } from './$types';
import { RequestPasswordResetMutation } from './forgot-password.js';

export const actions: Actions = {
  default: async (event) => {
    const email = String((await event.request.formData()).get('email') ?? '').trim();
    if (!email) return fail(400, { email, message: 'Enter your email address.' });
    const result = await gatewayRequest(
      RequestPasswordResetMutation,
      { email },
      { client: clientHeaders(event) },
    ).catch(() => null);
    if (!result) return fail(503, { email, message: 'The server cannot be reached. Try again in a moment.' });
    const code = firstErrorCode(result);
    if (code === 'RATE_LIMITED') return fail(429, { email, message: 'Too many requests. Wait a while and try again.' });
    if (code === 'BAD_USER_INPUT') return fail(400, { email, message: 'Enter a valid email address.' });
    if (code) return fail(500, { email, message: 'The request failed. Try again.' });
    // The same answer whether or not an account has the address.
    return { sent: true, email };
  },
};
