import { fail } from '@sveltejs/kit';
import { clientHeaders, firstErrorCode, gatewayRequest } from '$lib/server/gateway.js';
import { deviceId, startBrowserSession } from '$lib/server/session-cookie.js';
import type { Actions, PageServerLoad } from './$types';
import { AcceptInvitationMutation, InvitationPreviewQuery, REFUSED } from './invitation.js';

const reasonOf = (error: { extensions?: Record<string, unknown> } | undefined) =>
  REFUSED[String(error?.extensions?.reason)] ?? REFUSED.INVALID!;

export const load: PageServerLoad = async (event) => {
  const token = event.url.searchParams.get('token') ?? '';
  if (!token) return { invitation: null, refused: REFUSED.INVALID! };
  const result = await gatewayRequest(InvitationPreviewQuery, { token }, { client: clientHeaders(event) }).catch(
    () => null,
  );
  if (!result) return { invitation: null, refused: 'The server cannot be reached. Try again in a moment.' };
  if (result.data?.invitation) return { invitation: result.data.invitation, refused: null };
  if (firstErrorCode(result) === 'RATE_LIMITED')
    return { invitation: null, refused: 'Too many attempts. Wait a while.' };
  return { invitation: null, refused: reasonOf(result.errors?.[0]) };
};

export const actions: Actions = {
  default: async (event) => {
    const { request, cookies, url } = event;
    const form = await request.formData();
    const displayName = String(form.get('displayName') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('repeat') ?? ''))
      return fail(400, { displayName, field: 'repeat', message: 'The passwords do not match.' });
    const result = await gatewayRequest(
      AcceptInvitationMutation,
      {
        input: { token: url.searchParams.get('token') ?? '', displayName, password, device: deviceId(cookies, url) },
      },
      { client: clientHeaders(event) },
    ).catch(() => null);
    if (!result) return fail(503, { displayName, field: null, message: 'The server cannot be reached.' });
    if (result.data?.acceptInvitation)
      return { session: startBrowserSession(cookies, url, result.data.acceptInvitation) };
    const error = result.errors?.[0];
    const field = String(error?.extensions?.field ?? '');
    if (firstErrorCode(result) === 'BAD_USER_INPUT' && field === 'input.password')
      return fail(400, { displayName, field: 'password', message: 'Choose a password of 12 to 256 characters.' });
    if (firstErrorCode(result) === 'BAD_USER_INPUT' && field === 'input.displayName')
      return fail(400, { displayName, field: 'displayName', message: 'Enter a name of 1 to 100 characters.' });
    if (firstErrorCode(result) === 'BAD_USER_INPUT' || firstErrorCode(result) === 'CONFLICT')
      return fail(400, {
        displayName,
        field: 'token',
        message: error?.extensions?.reason ? reasonOf(error) : error!.message,
      });
    return fail(500, { displayName, field: null, message: 'The account could not be created. Try again.' });
  },
};
