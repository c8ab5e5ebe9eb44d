import { throwUnlessFound } from '$lib/graphql/errors.js';
import { HubPageQuery } from './diagnostics.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  const { client } = await parent();
  const result = await client.query(HubPageQuery, { id: params.id }, { requestPolicy: 'network-only' }).toPromise();
  throwUnlessFound(result, result.data?.hub, 'There is no hub with this id.');
  return { id: params.id, hub: result.data!.hub! };
};
