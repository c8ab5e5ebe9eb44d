import { z } from 'zod';
import { SECURITY_EVENT_TYPES } from './security-events.ts';
import { isUuid } from '@switchyard/shared';

/** securityEvents' filter: a user id that is no UUID is a field error, and `since` must come before `until`. */
export const securityEventFilterSchema = z
  .object({
    type: z.enum(SECURITY_EVENT_TYPES).nullish(),
    userId: z.string().refine(isUuid, 'must be a user id').nullish(),
    since: z.date().nullish(),
    until: z.date().nullish(),
  })
  .refine((filter) => !filter.since || !filter.until || filter.since < filter.until, {
    path: ['until'],
    message: 'must be after since',
  });
