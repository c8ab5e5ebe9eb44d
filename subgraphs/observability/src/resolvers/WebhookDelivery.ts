import type { WebhookDeliveryResolvers } from '../generated/graphql.ts';

export const WebhookDelivery: WebhookDeliveryResolvers = {
  attemptLog: (delivery, _args, { loaders }) => loaders.webhookAttemptsByDeliveryId.load(delivery.id),
};
