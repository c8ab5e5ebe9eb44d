import { filterText } from '@switchyard/shared';
import { SUBNET_PREFIX, findPlanProblem } from '@switchyard/shared/network-plan';
import { isCountryCode, isIanaTimeZone } from '@switchyard/shared/places';
import { z } from 'zod';
import { storeTagsSchema } from './store-tags.ts';
import { NETWORK_PURPOSES, STORE_ORDER_FIELDS, STORE_STATUSES, STORE_TYPES } from './types.ts';

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => value || null);

export const addressSchema = z.object({
  line1: text(200),
  line2: optionalText(200),
  city: text(100),
  region: optionalText(100),
  postalCode: text(20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code such as DE or US'),
});

export const networkPlanSchema = z
  .object({
    vlanId: z.number().int().min(1, 'must be between 1 and 4094').max(4094, 'must be between 1 and 4094'),
    // IPv4 addresses and CIDR blocks: 18 characters at most; 50 leaves room for spaces and typos.
    subnet: z.string().trim().max(50),
    gateway: z.string().trim().max(50),
    dhcpRange: z.object({ start: z.string().trim().max(50), end: z.string().trim().max(50) }),
  })
  .superRefine((plan, context) => {
    const problem = findPlanProblem(plan);
    if (problem) context.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

/** One of a store's networks: a network plan with its purpose and a name (1 to 60 characters). */
export const storeNetworkSchema = z
  .object({ purpose: z.enum(NETWORK_PURPOSES), name: text(60) })
  .and(networkPlanSchema);
export type StoreNetworkInput = z.output<typeof storeNetworkSchema>;

/** At most this many networks per store (VLAN ids are unique within a store). */
export const MAX_STORE_NETWORKS = 32;

const location = {
  latitude: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90').nullish(),
  longitude: z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180').nullish(),
  timezone: z.string().trim().max(64).refine(isIanaTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
};

export const createStoreSchema = z.object({
  name: text(120),
  type: z.enum(STORE_TYPES),
  address: addressSchema,
  ...location,
  network: networkPlanSchema.nullish(),
  networks: z
    .array(storeNetworkSchema)
    .max(MAX_STORE_NETWORKS, `at most ${MAX_STORE_NETWORKS} networks per store`)
    .nullish(),
});
export type CreateStoreInput = z.output<typeof createStoreSchema>;

/** Absent fields stay as they are; `network: null` removes the plan. */
export const updateStoreSchema = z.object({
  name: text(120).optional(),
  type: z.enum(STORE_TYPES).optional(),
  address: addressSchema.optional(),
  latitude: location.latitude,
  longitude: location.longitude,
  timezone: location.timezone.optional(),
  network: networkPlanSchema.nullish(),
});
export type UpdateStoreInput = z.output<typeof updateStoreSchema>;

export const storeFilterSchema = z
  .object({
    statuses: z.array(z.enum(STORE_STATUSES)).nullish(),
    types: z.array(z.enum(STORE_TYPES)).nullish(),
    search: filterText(),
    region: filterText(),
    tags: storeTagsSchema.nullish(),
  })
  .transform((filter) => ({
    statuses: filter.statuses ?? undefined,
    types: filter.types ?? undefined,
    search: filter.search || undefined,
    region: filter.region || undefined,
    tags: filter.tags?.length ? filter.tags : undefined,
  }));

export const storeOrderSchema = z
  .object({ field: z.enum(STORE_ORDER_FIELDS), direction: z.enum(['ASC', 'DESC']).nullish() })
  .nullish()
  .transform((order) => ({ field: order?.field ?? 'NAME', direction: order?.direction ?? 'ASC' }) as const);

export const prefixLengthSchema = z
  .number()
  .int()
  .min(SUBNET_PREFIX.min, `must be between ${SUBNET_PREFIX.min} and ${SUBNET_PREFIX.max}`)
  .max(SUBNET_PREFIX.max, `must be between ${SUBNET_PREFIX.min} and ${SUBNET_PREFIX.max}`);

export const reasonSchema = optionalText(500);

export const storeIdSchema = z.uuid({ error: 'must be a store id' });

/** The change id of a bulk action (AuditEntry.changeId). */
export const changeIdSchema = z.uuid({ error: 'must be a change id (a UUID)' });

/** Bulk operations are bounded so one request cannot hold the subgraph for minutes. Unknown ids become per-store outcomes. */
export const MAX_BULK_IDS = 500;
export const bulkIdsSchema = z
  .array(z.string().max(100))
  .min(1, 'give at least one id')
  .max(MAX_BULK_IDS, `at most ${MAX_BULK_IDS} ids per request`)
  .transform((ids) => [...new Set(ids)]);
