import { fail } from '@sveltejs/kit';
import { clientHeaders, firstErrorCode, gatewayRequest } from '$lib/server/gateway.js';
import type { Actions } from './$types';
import { ResetPasswordMutation } from './reset-password.js';

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const token = event.url.searchParams.get('token') ?? '';
    const newPassword = String(form.get('newPassword') ?? '');
    if (newPassword !== String(form.get('repeat') ?? ''))
      return fail(400, { field: 'repeat', message: 'The passwords do not match.' });
    const result = await gatewayRequest(
      ResetPasswordMutation,
      { token, newPassword },
      { client: clientHeaders(event) },
    ).catch(() => null);
    if (!result) return fail(503, { field: null, message: 'The server cannot be reached. Try again in a moment.' });
    if (result.data?.resetPassword) return { done: true };
    const error = result.errors?.[0];
    const code = firstErrorCode(result);
    if (code === 'BAD_USER_INPUT' && error?.extensions?.field === 'newPassword')
      return fail(400, { field: 'newPassword', message: 'Choose a password of 12 to 256 characters.' });
    if (code === 'BAD_USER_INPUT')
      return fail(400, {
        field: 'token',
        message: 'This link is invalid, already used or expired. Ask for a new one.',
      });
    if (code === 'RATE_LIMITED') return fail(429, { field: null, message: 'Too many attempts. Wait a while.' });
    return fail(500, { field: null, message: 'The password could not be changed. Try again.' });
  },
};
