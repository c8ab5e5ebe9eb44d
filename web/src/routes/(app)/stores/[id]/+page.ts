import { throwUnlessFound } from '$lib/graphql/errors.js';
import { AUDIT_PAGE, StoreAuditQuery, StoreQuery } from './store.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  const { client } = await parent();
  // Asked together with the store rather than once the page has rendered with it: the page's own
  // history query then shares this request (or finds its answer in the cache).
  void client.query(StoreAuditQuery, { id: params.id, first: AUDIT_PAGE }).toPromise();
  const result = await client.query(StoreQuery, { id: params.id }, { requestPolicy: 'network-only' }).toPromise();
  throwUnlessFound(result, result.data?.store, 'There is no store with this id.');
  return { id: params.id };
};
