import { error } from '@sveltejs/kit';
import { throwKitError } from '$lib/graphql/errors.js';
import { DeviceQuery } from './device.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  const { client } = await parent();
  const result = await client.query(DeviceQuery, { id: params.id }, { requestPolicy: 'network-only' }).toPromise();
  if (result.error && !result.data?.device) throwKitError(result.error);
  if (!result.data?.device) error(404, { message: 'There is no device with this id.', code: 'NOT_FOUND' });
  return { id: params.id };
};
