import { BACKENDS, householdOwner, startMeals, type Meals } from './support.ts';

describe.each(BACKENDS)('demo data for an embedded start (%s)', (backend) => {
  let meals: Meals;

  beforeAll(async () => {
    meals = await startMeals(backend, { seedDemoData: true });
  });
  afterAll(() => meals?.stop());

  it('gives the first household a dozen recipes and this week planned, and later households nothing', async () => {
    const first = await householdOwner(meals, 'First');
    const second = await householdOwner(meals, 'Second');
    const recipes = await meals.call(
      first.principal,
      '{ recipes(first: 50) { totalCount edges { node { ingredients { food } } } } }',
    );
    expect(recipes.data!.recipes.totalCount).toBe(12);
    expect(recipes.data!.recipes.edges.every((edge: any) => edge.node.ingredients.length > 0)).toBe(true);
    expect(await meals.db.mealPlanEntry.count({ where: { householdId: first.householdId } })).toBe(8);
    expect((await meals.call(second.principal, '{ recipes { totalCount } }')).data!.recipes.totalCount).toBe(0);
  });
});
