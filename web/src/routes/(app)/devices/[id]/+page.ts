import { throwUnlessFound } from '$lib/graphql/errors.js';
import { DeviceQuery } from './device.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  const { client } = await parent();
  const result = await client.query(DeviceQuery, { id: params.id }, { requestPolicy: 'network-only' }).toPromise();
  throwUnlessFound(result, result.data?.device, 'There is no device with this id.');
  return { id: params.id };
};
