import type DataLoader from 'dataloader';
import {
  loaderById,
  loaderByKey,
  eventStream,
  recordBreakerChangesInOutbox,
  isUuid,
  type DomainEvent,
  type ReplayPoint,
  type RequestScope,
  type SubgraphRuntime,
} from '@switchyard/shared';
import type { MealsConfig } from './config.ts';
import { createHouseholdRepository } from './data/household-repository.ts';
import { createMealPlanRepository } from './data/meal-plan-repository.ts';
import { createRecipeRepository } from './data/recipe-repository.ts';
import { createShoppingListRepository } from './data/shopping-list-repository.ts';
import { createWeeklyEmailRepository } from './data/weekly-email-repository.ts';
import { createAisleRepository } from './data/aisle-repository.ts';
import { createPantryRepository } from './data/pantry-repository.ts';
import { SHOPPING_LIST_AGGREGATE, type ShoppingListsChangePayload } from './domain/shopping-list-events.ts';
import {
  MEAL_PLAN_SLOT_AGGREGATE,
  SHOPPING_ITEM_AGGREGATE,
  type MealPlanChangePayload,
  type ShoppingListChangePayload,
} from './domain/events.ts';
import { householdOf } from './domain/household-access.ts';
import type { HouseholdMember, MeasurementSystem, Recipe } from './domain/types.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { createRecipePageFetcher } from './import/recipe-page-fetcher.ts';
import { createHouseholdService } from './services/household-service.ts';

/** What meals's services are built from: the shared runtime plus its own database and config. */
export interface MealsDeps extends SubgraphRuntime {
  db: PrismaClient;
  config: Pick<MealsConfig, 'recipeImport' | 'seedDemoData' | 'breakers'>;
}

type Accept<T> = (event: DomainEvent<T>) => boolean | Promise<boolean>;

/** Long-lived services built once per process from the deps. */
export function createServices({ db, config, bus, relay, logger }: MealsDeps) {
  const households = createHouseholdRepository(db);
  const recipes = createRecipeRepository(db, relay.nudge);
  // Breaker transitions (import sites, SMTP) go to the outbox as CircuitBreakerStateChanged events.
  const recordBreakerChange = recordBreakerChangesInOutbox({ db, relay, logger });
  return {
    households,
    recipes,
    mealPlans: createMealPlanRepository(db, relay.nudge),
    shoppingLists: createShoppingListRepository(db, relay.nudge),
    weeklyEmails: createWeeklyEmailRepository(db),
    pantry: createPantryRepository(db),
    aisles: createAisleRepository(db),
    fetchRecipePage: createRecipePageFetcher(config.recipeImport, {
      ...config.breakers,
      onStateChange: recordBreakerChange,
    }),
    recordBreakerChange,
    householdService: createHouseholdService({ households, seedDemoData: config.seedDemoData }),

    shoppingListEvents: (from: ReplayPoint | null, accept: Accept<ShoppingListChangePayload>) =>
      eventStream({ bus, outbox: db, aggregateType: SHOPPING_ITEM_AGGREGATE, from, accept }),
    shoppingListsEvents: (from: ReplayPoint | null, accept: Accept<ShoppingListsChangePayload>) =>
      eventStream({ bus, outbox: db, aggregateType: SHOPPING_LIST_AGGREGATE, from, accept }),
    mealPlanEvents: (from: ReplayPoint | null, accept: Accept<MealPlanChangePayload>) =>
      eventStream({ bus, outbox: db, aggregateType: MEAL_PLAN_SLOT_AGGREGATE, from, accept }),
  };
}

export type MealsServices = ReturnType<typeof createServices>;

export interface Context extends RequestScope, MealsServices {
  loaders: {
    recipeById: DataLoader<string, Recipe | null>;
    membershipByUser: DataLoader<string, HouseholdMember | null>;
  };
  /** The caller's membership; null when anonymous or in no household. */
  membership(): Promise<HouseholdMember | null>;
  /** The caller's household id; FORBIDDEN with a clear message when in none. */
  householdId(): Promise<string>;
  /** The units the caller's household reads amounts in, looked up once per request. */
  householdUnits(): Promise<MeasurementSystem>;
}

export function createContext(scope: RequestScope, services: MealsServices): Context {
  const membershipByUser = loaderByKey(services.households.membershipsOf, (member) => member.userId);
  const membership = async () => (scope.principal ? membershipByUser.load(scope.principal.userId) : null);
  let units: Promise<MeasurementSystem> | undefined;
  return {
    ...scope,
    ...services,
    loaders: {
      // A malformed id is unknown (null), not a database error.
      recipeById: loaderById((ids) => services.recipes.findManyByIds(ids.filter(isUuid))),
      membershipByUser,
    },
    membership,
    householdId: async () => householdOf(await membership()),
    householdUnits: () =>
      (units ??= membership().then(async (member) =>
        member ? ((await services.households.findById(member.householdId))?.units ?? 'METRIC') : 'METRIC',
      )),
  };
}
