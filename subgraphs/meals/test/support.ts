import type { Principal } from '@switchyard/shared';
import { startSubgraphForTest, userPrincipal, type TestBackend } from '@switchyard/testing';
import type { MealsConfig } from '../src/config.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { createServer } from '../src/server.ts';

const DEFAULT_CONFIG: Pick<MealsConfig, 'recipeImport' | 'seedDemoData' | 'breakers'> = {
  recipeImport: { timeoutMs: 2_000, maxBytes: 1_000_000, allowPrivate: false },
  breakers: { failures: 5, halfOpenAfterMs: 60_000 },
  seedDemoData: false,
};

export { TEST_BACKENDS as BACKENDS, type TestBackend as Backend } from '@switchyard/testing';

/** The meals subgraph on its own fresh database, listening on a free port. */
export function startMeals(backend: TestBackend = 'pglite', config: Partial<typeof DEFAULT_CONFIG> = {}) {
  return startSubgraphForTest({
    subgraph: 'meals',
    backend,
    createClient: (adapter) => new PrismaClient({ adapter }),
    createServer,
    config: { ...DEFAULT_CONFIG, ...config },
  });
}

export type Meals = Awaited<ReturnType<typeof startMeals>>;

/** A user principal who owns a new household. */
export async function householdOwner(
  meals: Meals,
  name = 'Test household',
): Promise<{ principal: Principal; householdId: string }> {
  // Creating a household takes an operator (viewers are added to one, see roles.int.test.ts).
  const principal = userPrincipal('OPERATOR');
  const result = await meals.call(principal, 'mutation ($name: String!) { createHousehold(name: $name) { id } }', {
    name,
  });
  if (!result.data?.createHousehold) throw new Error(`createHousehold failed: ${JSON.stringify(result.errors)}`);
  return { principal, householdId: result.data.createHousehold.id };
}

export const CREATE_RECIPE = `mutation ($input: RecipeInput!) { createRecipe(input: $input) { id servings ingredients { quantity unit food note raw } } }`;

export function recipeInput(title: string, ingredients: string[], servings = 4) {
  return {
    title,
    servings,
    prepMinutes: 10,
    cookMinutes: 20,
    ingredients: ingredients.map((raw) => ({ raw })),
    steps: ['Cook it.'],
  };
}
