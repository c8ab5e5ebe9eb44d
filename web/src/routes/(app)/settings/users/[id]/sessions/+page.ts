import { throwCodeError } from '$lib/graphql/errors.js';
import { session } from '$lib/session.svelte.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, params }) => {
  await parent();
  if (!session.can('ADMIN')) throwCodeError('FORBIDDEN', "Seeing another user's sessions needs the admin role.");
  return { userId: params.id };
};
