import { randomUUID } from 'node:crypto';
import { ConflictError } from '@switchyard/shared';
import type {
  HouseholdRepository,
  MealPlanRepository,
  PlannedRecipe,
  ShoppingListRepository,
  WeeklyEmailRepository,
} from '../../src/data/repositories.ts';
import type { Household, HouseholdMember, ShoppingItem, ShoppingList } from '../../src/domain/types.ts';

/**
 * The meals repositories the household service and the weekly email job use, over plain arrays,
 * for unit tests: the contracts of src/data/repositories.ts, plus `seed` to put a household's
 * plan and lists in place. Test code only.
 */
export function createInMemoryMeals() {
  const householdRows: (Household & { demoWeekStart: string | null })[] = [];
  const memberRows: HouseholdMember[] = [];
  const planned: PlannedRecipe[] = [];
  const lists: (ShoppingList & { items: ShoppingItem[] })[] = [];
  const claims = new Set<string>();

  const households: Pick<HouseholdRepository, 'findAll' | 'members' | 'count' | 'create'> = {
    findAll: async () => householdRows.map(({ demoWeekStart: _demo, ...household }) => household),
    members: async (householdId) =>
      memberRows
        .filter((member) => member.householdId === householdId)
        .sort((a, b) => (a.role === b.role ? 0 : a.role === 'OWNER' ? -1 : 1)),
    count: async () => householdRows.length,
    create: async ({ ownerId, ...input }, demoWeekStart) => {
      if (memberRows.some((member) => member.userId === ownerId))
        throw new ConflictError('This user is already in a household', { field: 'userId' });
      const household = { id: randomUUID(), ...input, units: 'METRIC' as const, createdAt: new Date() };
      householdRows.push({ ...household, demoWeekStart });
      memberRows.push({ householdId: household.id, userId: ownerId, role: 'OWNER' });
      return household;
    },
  };

  const mealPlans: Pick<MealPlanRepository, 'plannedRecipes'> = {
    plannedRecipes: async (householdId, weekStart) => {
      const end = new Date(Date.parse(`${weekStart}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
      return planned.filter(
        ({ entry }) => entry.householdId === householdId && entry.date >= weekStart && entry.date <= end,
      );
    },
  };

  const shoppingLists: Pick<ShoppingListRepository, 'latestForWeek' | 'items'> = {
    latestForWeek: async (householdId, weekStart) =>
      lists.findLast((list) => list.householdId === householdId && list.weekStart === weekStart) ?? null,
    items: async (listId) => lists.find((list) => list.id === listId)?.items ?? [],
  };

  const weeklyEmails: WeeklyEmailRepository = {
    claim: async (householdId, weekStart, userId) => {
      const key = `${householdId}/${weekStart}/${userId}`;
      if (claims.has(key)) return false;
      claims.add(key);
      return true;
    },
    release: async (householdId, weekStart, userId) => {
      claims.delete(`${householdId}/${weekStart}/${userId}`);
    },
  };

  const seed = {
    household(name: string, timeZone: string, ownerId: string, memberIds: string[] = []): Household {
      const household = { id: randomUUID(), name, timeZone, units: 'METRIC' as const, createdAt: new Date() };
      householdRows.push({ ...household, demoWeekStart: null });
      memberRows.push({ householdId: household.id, userId: ownerId, role: 'OWNER' });
      for (const userId of memberIds) memberRows.push({ householdId: household.id, userId, role: 'MEMBER' });
      return household;
    },
    plan(
      householdId: string,
      entry: Omit<PlannedRecipe['entry'], 'id' | 'householdId' | 'recipeId' | 'note'>,
      recipe: PlannedRecipe['recipe'],
    ) {
      planned.push({ entry: { id: randomUUID(), householdId, recipeId: randomUUID(), note: null, ...entry }, recipe });
    },
    list(
      householdId: string,
      weekStart: string,
      items: Pick<ShoppingItem, 'food' | 'quantity' | 'unit' | 'category' | 'checked'>[],
    ) {
      const id = randomUUID();
      lists.push({
        id,
        householdId,
        name: `Week of ${weekStart}`,
        weekStart,
        archived: false,
        createdAt: new Date(),
        items: items.map((item, position) => ({
          id: randomUUID(),
          listId: id,
          note: null,
          manual: false,
          checkedAt: null,
          checkedBy: null,
          position,
          sources: [],
          ...item,
        })),
      });
    },
  };

  return {
    households,
    mealPlans,
    shoppingLists,
    weeklyEmails,
    seed,
    /** What the tables hold, for assertions. */
    rows: { households: householdRows, members: memberRows, claims },
  };
}

export type InMemoryMeals = ReturnType<typeof createInMemoryMeals>;
