// The webhook event types for the catalogue, asked of the API as the signed-in user. These pages
// have no urql client (they are open without signing in), so it is one plain POST to this origin's
// /graphql. The API shows the catalogue to signed-in users and API keys only (VIEWER,
// observability:read), so an anonymous visitor gets nothing here and the page says why.
import type { ResultOf } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { graphql } from '$lib/graphql/generated/index.js';
import type { CatalogueEntry } from './EventCatalogue.svelte';

export const WebhookCatalogueQuery = graphql(`
  query WebhookCatalogue {
    webhookEventTypes {
      type
      description
      example
      adminOnly
    }
  }
`);

/** The webhook event types as catalogue entries; throws the API's reason when it refuses. */
export async function loadWebhookEventTypes(accessToken: string): Promise<CatalogueEntry[]> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${accessToken}`,
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
    },
    body: JSON.stringify({ query: print(WebhookCatalogueQuery), operationName: 'WebhookCatalogue' }),
  });
  const body = (await response.json().catch(() => null)) as {
    data?: ResultOf<typeof WebhookCatalogueQuery>;
    errors?: { message: string }[];
  } | null;
  if (!body?.data) throw new Error(body?.errors?.[0]?.message ?? `The API answered ${response.status}.`);
  return body.data.webhookEventTypes.map(({ type, description, example, adminOnly }) => ({
    name: type,
    description,
    access: adminOnly ? 'ADMIN to subscribe (user and security events)' : 'OPERATOR to subscribe',
    example,
  }));
}
