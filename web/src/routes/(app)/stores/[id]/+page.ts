import { throwUnlessFound } from '$lib/graphql/errors.js';
import { StoreQuery } from './store.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  const { client } = await parent();
  const result = await client.query(StoreQuery, { id: params.id }, { requestPolicy: 'network-only' }).toPromise();
  throwUnlessFound(result, result.data?.store, 'There is no store with this id.');
  return { id: params.id };
};
