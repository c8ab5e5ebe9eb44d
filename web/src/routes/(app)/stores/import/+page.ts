import { throwCodeError } from '$lib/graphql/errors.js';
import { session } from '$lib/session.svelte.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  await parent();
  if (!session.can('OPERATOR')) throwCodeError('FORBIDDEN', 'Importing stores needs the operator role.');
};
