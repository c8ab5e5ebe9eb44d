import { redirect } from '@sveltejs/kit';
import { createGraphQLClient } from '$lib/graphql/client.js';
import { gatewayWsUrl } from '$lib/graphql/ws-url.js';
import { session } from '$lib/session.svelte.js';
import type { PageLoad } from './$types';

// Outside the (app) layout: its live subscriptions and navigation are what an admin held back by
// REQUIRE_2FA_FOR_ADMINS may not use yet. Only enrolment and sign-out work here.
export const load: PageLoad = async ({ url }) => {
  if (!(await session.restore())) redirect(307, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
  return { graphql: createGraphQLClient({ wsUrl: gatewayWsUrl() }) };
};
