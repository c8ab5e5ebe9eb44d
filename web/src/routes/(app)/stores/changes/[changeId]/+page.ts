import { throwUnlessFound } from '$lib/graphql/errors.js';
import { StoreChangeQuery } from './change.js';
import type { PageLoad } from './$types';

// A change id nobody wrote is not found; a malformed one is the API's BAD_USER_INPUT (400).
export const load: PageLoad = async ({ params, parent }) => {
  const { client } = await parent();
  const result = await client
    .query(StoreChangeQuery, { changeId: params.changeId }, { requestPolicy: 'network-only' })
    .toPromise();
  throwUnlessFound(result, result.data?.storeChange.length, 'There is no change with this id.');
  return { changeId: params.changeId };
};
