import { error } from '@sveltejs/kit';
import { session } from '$lib/session.svelte.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  await parent();
  if (!session.can('ADMIN')) error(403, { message: 'Managing users needs the admin role.', code: 'FORBIDDEN' });
};
