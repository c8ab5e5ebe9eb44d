import { error } from '@sveltejs/kit';
import { clientHeaders, gatewayRequest } from '$lib/server/gateway.js';
import type { PageServerLoad } from './$types';
import { PublicStatusPageQuery } from './status-page.js';

// Asked by the web server without credentials: the page is public, and the browser needs no session.
export const load: PageServerLoad = async (event) => {
  const result = await gatewayRequest(
    PublicStatusPageQuery,
    { slug: event.params.slug },
    { client: clientHeaders(event) },
  ).catch(() => null);
  if (!result || result.errors?.length) error(503, 'The status page cannot be reached right now. Try again shortly.');
  if (!result.data?.publicStatusPage) error(404, 'There is no status page here.');
  return { page: result.data.publicStatusPage };
};
