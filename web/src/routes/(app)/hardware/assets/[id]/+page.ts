import { throwUnlessFound } from '$lib/graphql/errors.js';
import { AssetQuery } from '$lib/hardware/assets.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  const { client } = await parent();
  const result = await client.query(AssetQuery, { id: params.id }, { requestPolicy: 'network-only' }).toPromise();
  throwUnlessFound(result, result.data?.asset, 'There is no asset with this id.');
  return { id: params.id };
};
