import type { WebhookEndpointResolvers } from '../generated/graphql.ts';

export const WebhookEndpoint: WebhookEndpointResolvers = {
  owner: (endpoint) => ({ id: endpoint.ownerId }),
  // The secrets themselves are never read back; only how long the rotated one still signs.
  previousSecretExpiresAt: (endpoint) =>
    endpoint.previousSecretUntil && endpoint.previousSecretUntil > new Date() ? endpoint.previousSecretUntil : null,
};
