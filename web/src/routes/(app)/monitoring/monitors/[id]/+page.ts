import { throwUnlessFound } from '$lib/graphql/errors.js';
import { MonitorQuery } from '../monitors.js';
import { stripFrom } from '../strip.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  const { client } = await parent();
  const from = stripFrom();
  const result = await client
    .query(MonitorQuery, { id: params.id, from }, { requestPolicy: 'network-only' })
    .toPromise();
  throwUnlessFound(result, result.data?.monitor, 'There is no monitor with this id.');
  return { id: params.id, from };
};
