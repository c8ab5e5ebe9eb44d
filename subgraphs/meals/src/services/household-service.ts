import type { IdempotencyRequest } from '@switchyard/shared';
import type { HouseholdRepository } from '../data/repositories.ts';
import { fromDbDate, mondayOf } from '../domain/dates.ts';
import type { Household } from '../domain/types.ts';

export type HouseholdService = ReturnType<typeof createHouseholdService>;

/** `seedDemoData`: the very first household of an install gets the demo recipes and this week planned. */
export function createHouseholdService({
  households,
  seedDemoData,
}: {
  households: Pick<HouseholdRepository, 'count' | 'create'>;
  seedDemoData: boolean;
}) {
  return {
    async create(
      input: { name: string; timeZone: string },
      ownerId: string,
      now: Date,
      idempotency: IdempotencyRequest | null = null,
    ): Promise<Household> {
      const furnish = seedDemoData && (await households.count()) === 0;
      return households.create({ ...input, ownerId }, furnish ? mondayOf(fromDbDate(now)) : null, idempotency);
    },
  };
}
