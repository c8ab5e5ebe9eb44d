import { error } from '@sveltejs/kit';
import { session } from '$lib/session.svelte.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  await parent();
  if (!session.can('OPERATOR')) error(403, { message: 'Creating stores needs the operator role.', code: 'FORBIDDEN' });
};
