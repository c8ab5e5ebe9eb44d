import { throwUnlessFound } from '$lib/graphql/errors.js';
import { HubDetailQuery } from './hub.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  const { client } = await parent();
  const result = await client.query(HubDetailQuery, { id: params.id }, { requestPolicy: 'network-only' }).toPromise();
  throwUnlessFound(result, result.data?.hub, 'There is no hub with this id.');
  return { id: params.id };
};
