import { goto } from '$app/navigation';
import { error, redirect } from '@sveltejs/kit';
import { createGraphQLClient, type GraphQLClient } from '$lib/graphql/client.js';
import { gatewayWsUrl } from '$lib/graphql/ws-url.js';
import { session } from '$lib/session.svelte.js';
import type { LayoutLoad } from './$types';

let active: GraphQLClient | null = null;

// However a session ends (sign-out, revocation, failed refresh), drop the client and its cache.
// After a deliberate sign-out the next person to sign in starts at the dashboard, not on the
// previous user's page; a session that ended by itself brings its user back where they were.
session.onSignOut((deliberate) => {
  active?.dispose();
  active = null;
  const back = deliberate ? '' : `?redirectTo=${encodeURIComponent(location.pathname + location.search)}`;
  void goto(`/login${back}`, { replaceState: true });
});

export const load: LayoutLoad = async ({ url }) => {
  if (!(await session.restore())) {
    // The API cannot say whether the session is good right now: say so rather than ask for a sign-in.
    if (session.unavailable) error(503, 'Switchyard is temporarily unavailable. Please try again in a moment.');
    redirect(307, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  // REQUIRE_2FA_FOR_ADMINS: the API refuses this admin everything else until they enrol.
  if (session.twoFactorEnrolmentRequired) redirect(307, '/two-factor/setup');
  active ??= createGraphQLClient({ wsUrl: gatewayWsUrl() });
  return { client: active.client };
};
