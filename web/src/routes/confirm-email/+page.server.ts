import { fail } from '@sveltejs/kit';
import { clientHeaders, firstErrorCode, gatewayRequest } from '$lib/server/gateway.js';
import type { Actions } from './$types';
import { ConfirmEmailChangeMutation } from './confirm-email.js';

// A button, not the page load, confirms: mail scanners that open links must not spend the token.
export const actions: Actions = {
  default: async (event) => {
    const token = event.url.searchParams.get('token') ?? '';
    const result = await gatewayRequest(ConfirmEmailChangeMutation, { token }, { client: clientHeaders(event) }).catch(
      () => null,
    );
    if (!result) return fail(503, { message: 'The server cannot be reached. Try again in a moment.' });
    if (result.data?.confirmEmailChange) return { done: true };
    const code = firstErrorCode(result);
    if (code === 'CONFLICT') return fail(409, { message: 'Another account uses this address now.' });
    if (code === 'RATE_LIMITED') return fail(429, { message: 'Too many attempts. Wait a while.' });
    return fail(400, { message: 'This confirmation link is invalid, already used or expired.' });
  },
};
