import { throwCodeError } from '$lib/graphql/errors.js';
import { session } from '$lib/session.svelte.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  if (!session.can('OPERATOR')) throwCodeError('FORBIDDEN', 'Adding a monitor needs the operator or admin role.');
  return { storeId: url.searchParams.get('store') ?? '' };
};
