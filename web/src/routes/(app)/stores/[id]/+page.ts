import { error } from '@sveltejs/kit';
import { throwKitError } from '$lib/graphql/errors.js';
import { StoreQuery } from './store.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  const { client } = await parent();
  const result = await client.query(StoreQuery, { id: params.id }, { requestPolicy: 'network-only' }).toPromise();
  if (result.error && !result.data?.store) throwKitError(result.error);
  if (!result.data?.store) error(404, { message: 'There is no store with this id.', code: 'NOT_FOUND' });
  return { id: params.id };
};
