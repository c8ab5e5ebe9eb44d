import { env } from '$env/dynamic/private';
import { privateTargetAllowance } from '@switchyard/shared/address-policy';
import { clientHeaders, gatewayRequest } from '$lib/server/gateway.js';
import { fetchRemoteImage, RemoteImageError } from '$lib/server/remote-image.js';
import type { RequestHandler } from './$types';
import { RecipeImageUrlQuery } from './image.js';

const allowPrivate = privateTargetAllowance(
  (env.RECIPE_IMAGE_ALLOWED_PRIVATE_TARGETS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean),
);

/**
 * A recipe's picture from its own site, for a member of the recipe's household: the browser sends
 * its bearer token (the page fetches this with it), the gateway decides whether the caller may see
 * the recipe, and only that recipe's `imageUrl` is fetched, so this is no open proxy.
 */
export const GET: RequestHandler = async (event) => {
  const token = /^Bearer (.+)$/.exec(event.request.headers.get('authorization') ?? '')?.[1];
  if (!token) return new Response('Sign in to see recipe pictures', { status: 401 });
  const result = await gatewayRequest(
    RecipeImageUrlQuery,
    { id: event.params.id },
    { token, client: clientHeaders(event) },
  );
  const imageUrl = result.data?.recipe?.imageUrl;
  if (!imageUrl) return new Response('This recipe has no picture', { status: 404 });
  try {
    const image = await fetchRemoteImage(imageUrl, { timeoutMs: 10_000, maxBytes: 5_000_000, allowPrivate });
    return new Response(new Uint8Array(image.body), {
      headers: {
        'content-type': image.contentType,
        'cache-control': 'private, max-age=3600',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    if (error instanceof RemoteImageError) return new Response(error.message, { status: error.status });
    throw error;
  }
};
