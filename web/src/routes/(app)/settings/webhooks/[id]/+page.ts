import { throwCodeError, throwUnlessFound } from '$lib/graphql/errors.js';
import { session } from '$lib/session.svelte.js';
import { WebhookEndpointsQuery } from '../webhooks.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  const { client } = await parent();
  if (!session.can('OPERATOR')) throwCodeError('FORBIDDEN', 'Webhooks need the operator or admin role.');
  // The API has no query for one endpoint: the list is what the caller may see (someone else's is not in it).
  const result = await client.query(WebhookEndpointsQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  const endpoint = result.data?.webhookEndpoints.find(({ id }) => id === params.id);
  throwUnlessFound(result, endpoint, 'There is no webhook endpoint with this id, or it is not yours.');
  return { id: params.id };
};
