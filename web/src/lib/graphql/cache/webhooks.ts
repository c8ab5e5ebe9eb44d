import { invalidateField, invalidatesQuery, type CacheArea } from './area.js';

export const webhooksCache: CacheArea = {
  // The event types are keyed by their name; a secret's answer and a page of deliveries belong to their parent.
  embedded: ['WebhookEndpointWithSecret', 'WebhookDeliveryConnection', 'WebhookDeliveryEdge'],
  keys: { WebhookEventType: (data) => (typeof data.type === 'string' ? data.type : null) },
  mutations: {
    createWebhookEndpoint: invalidatesQuery('webhookEndpoints'),
    deleteWebhookEndpoint(_result, args, cache) {
      cache.invalidate({ __typename: 'WebhookEndpoint', id: args.id as string });
      invalidateField(cache, 'Query', 'webhookEndpoints');
    },
    // A ping is a new delivery at the top of the log; a redelivery changes its place under a status filter.
    pingWebhookEndpoint: invalidatesQuery('webhookDeliveries'),
    redeliverWebhook: invalidatesQuery('webhookDeliveries'),
  },
};
