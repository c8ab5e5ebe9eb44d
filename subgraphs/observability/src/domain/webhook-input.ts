import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES, isSubscribable } from './webhook-events.ts';

const KNOWN = new Set(WEBHOOK_EVENT_TYPES.filter((info) => isSubscribable(info.type)).map((info) => info.type));

const eventTypes = z
  .array(z.string())
  .min(1, 'at least one event type')
  .max(50)
  .transform((types) => [...new Set(types)])
  .refine((types) => types.every((type) => KNOWN.has(type)), 'unknown event type (see webhookEventTypes)');

export const createWebhookEndpointSchema = z.object({
  url: z.string().trim().min(1).max(2000),
  description: z
    .string()
    .trim()
    .max(500)
    .nullish()
    .transform((value) => value ?? ''),
  eventTypes,
});

export const updateWebhookEndpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .nullish()
    .transform((value) => value ?? undefined),
  description: z
    .string()
    .trim()
    .max(500)
    .nullish()
    .transform((value) => value ?? undefined),
  eventTypes: eventTypes.nullish().transform((value) => value ?? undefined),
  enabled: z
    .boolean()
    .nullish()
    .transform((value) => value ?? undefined),
});

/** The admin-only types among `types`. */
export function adminOnlyTypes(types: readonly string[]): string[] {
  return types.filter((type) => WEBHOOK_EVENT_TYPES.find((info) => info.type === type)?.adminOnly);
}
