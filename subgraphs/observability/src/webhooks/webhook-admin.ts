import { randomUUID } from 'node:crypto';
import {
  BadUserInputError,
  NotFoundError,
  httpUrl,
  parseInput,
  privateTargetAllowance,
  resolveAllowedAddress,
  roleAtLeast,
  isUuid,
  type Principal,
} from '@switchyard/shared';
import type { ObservabilityConfig } from '../config.ts';
import type { WebhookDeliveryFilter, WebhookRepository } from '../data/repositories.ts';
import type { WebhookEndpoint } from '../domain/types.ts';
import { newWebhookSecret } from '../domain/webhook-delivery.ts';
import { WEBHOOK_PING } from '../domain/webhook-events.ts';
import { adminOnlyTypes, createWebhookEndpointSchema, updateWebhookEndpointSchema } from '../domain/webhook-input.ts';

/**
 * What the webhook mutations and queries do, for a caller: operators see and manage the endpoints
 * they registered, admins every endpoint; anyone else's endpoint is NOT_FOUND (not FORBIDDEN, so
 * its existence does not leak). User and security event types are for admins only.
 */
export function createWebhookAdmin(webhooks: WebhookRepository, settings: ObservabilityConfig['webhooks']) {
  const allowPrivate = privateTargetAllowance(settings.allowedPrivateTargets);
  const isAdmin = (principal: Principal) => roleAtLeast(principal.role, 'ADMIN');

  async function visibleEndpoint(principal: Principal, id: string): Promise<WebhookEndpoint> {
    const endpoint = isUuid(id) ? await webhooks.findEndpoint(id) : null;
    if (!endpoint || (!isAdmin(principal) && endpoint.ownerId !== principal.userId))
      throw new NotFoundError('WebhookEndpoint', id);
    return endpoint;
  }

  /** Registration refuses what delivery would refuse: not http(s), or a private address not allowed. */
  async function checkUrl(url: string, field: string): Promise<void> {
    const parsed = httpUrl(url, field);
    await resolveAllowedAddress(parsed.hostname, field, allowPrivate);
  }

  function checkTypes(principal: Principal, types: readonly string[] | undefined, field: string): void {
    if (types && !isAdmin(principal) && adminOnlyTypes(types).length > 0)
      throw new BadUserInputError(field, `Only admins may subscribe to ${adminOnlyTypes(types).join(', ')}`);
  }

  return {
    endpoints: (principal: Principal) => webhooks.endpoints(isAdmin(principal) ? null : principal.userId),

    visibleEndpoint,

    async create(principal: Principal, input: unknown) {
      const parsed = parseInput(createWebhookEndpointSchema, input, 'input');
      checkTypes(principal, parsed.eventTypes, 'input.eventTypes');
      await checkUrl(parsed.url, 'input.url');
      const secret = newWebhookSecret();
      const endpoint = await webhooks.createEndpoint({ ...parsed, ownerId: principal.userId, secret });
      return { endpoint, secret };
    },

    async update(principal: Principal, id: string, input: unknown) {
      await visibleEndpoint(principal, id);
      const changes = parseInput(updateWebhookEndpointSchema, input, 'input');
      checkTypes(principal, changes.eventTypes, 'input.eventTypes');
      if (changes.url !== undefined) await checkUrl(changes.url, 'input.url');
      return webhooks.updateEndpoint(id, changes, new Date());
    },

    async rotate(principal: Principal, id: string) {
      await visibleEndpoint(principal, id);
      const secret = newWebhookSecret();
      const endpoint = await webhooks.rotateSecret(id, secret, new Date(Date.now() + settings.secretGraceMs));
      return { endpoint, secret };
    },

    async delete(principal: Principal, id: string) {
      await visibleEndpoint(principal, id);
      await webhooks.deleteEndpoint(id);
      return true;
    },

    async deliveries(
      principal: Principal,
      endpointId: string,
      filter: WebhookDeliveryFilter,
      size: number,
      after: string | null,
    ) {
      await visibleEndpoint(principal, endpointId);
      return webhooks.deliveries(endpointId, filter, size, after);
    },

    async redeliver(principal: Principal, deliveryId: string) {
      const delivery = isUuid(deliveryId) ? await webhooks.findDelivery(deliveryId) : null;
      if (!delivery) throw new NotFoundError('WebhookDelivery', deliveryId);
      await visibleEndpoint(principal, delivery.endpointId).catch(() => {
        throw new NotFoundError('WebhookDelivery', deliveryId);
      });
      return webhooks.redeliver(deliveryId, new Date());
    },

    async ping(principal: Principal, id: string) {
      const endpoint = await visibleEndpoint(principal, id);
      const eventId = randomUUID();
      return webhooks.ping(endpoint, {
        envelope: {
          id: eventId,
          type: WEBHOOK_PING,
          occurredAt: new Date().toISOString(),
          data: { endpointId: endpoint.id, message: 'Hello from Switchyard' },
        },
        aggregateKey: `ping:${eventId}`,
      });
    },
  };
}

export type WebhookAdmin = ReturnType<typeof createWebhookAdmin>;
