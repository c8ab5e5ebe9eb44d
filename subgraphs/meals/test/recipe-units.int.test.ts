import { BACKENDS, CREATE_RECIPE, householdOwner, recipeInput, startMeals, type Meals } from './support.ts';

const AMOUNTS = `query ($id: ID!, $units: MeasurementSystem, $servings: Int!) {
  recipe(id: $id) {
    ingredients { raw quantity unit display(units: $units) { quantity unit text converted } }
    scaled(servings: $servings) { display(units: $units) { text } }
  }
}`;
const SET_UNITS = 'mutation ($units: MeasurementSystem!) { setHouseholdUnits(units: $units) { units } }';

/** Recipe amounts read in the household's measurement system, or in another one on request. */
describe.each(BACKENDS)('recipe units (%s)', (backend) => {
  let meals: Meals;
  let owner: Awaited<ReturnType<typeof householdOwner>>;
  let recipeId: string;

  beforeAll(async () => {
    meals = await startMeals(backend);
    owner = await householdOwner(meals);
    const input = recipeInput('Flatbread', [
      '2 cups flour',
      '1 lb beef mince',
      '1 tsp salt',
      '3 eggs',
      'pepper to taste',
    ]);
    recipeId = (await meals.call(owner.principal, CREATE_RECIPE, { input })).data!.createRecipe.id;
  });
  afterAll(() => meals?.stop());

  const texts = async (units: string | null, servings = 4) => {
    const result = await meals.call(owner.principal, AMOUNTS, { id: recipeId, units, servings });
    expect(result.errors).toBeUndefined();
    const recipe = result.data!.recipe;
    return {
      own: recipe.ingredients.map((i: { display: { text: string } | null }) => i.display?.text ?? null),
      scaled: recipe.scaled.map((i: { display: { text: string } | null }) => i.display?.text ?? null),
      stored: recipe.ingredients.map((i: { raw: string; quantity: number | null; unit: string | null }) => [
        i.quantity,
        i.unit,
      ]),
    };
  };

  it("shows amounts in the household's system, another on request, and never changes what is stored", async () => {
    // A new household reads metric.
    expect((await texts(null)).own).toEqual(['240 g', '450 g', '1 tsp', '3', null]);
    expect((await texts('US')).own).toEqual(['2 cups', '1 lb', '1 tsp', '3', null]);
    expect((await texts('METRIC', 8)).scaled).toEqual(['480 g', '900 g', '2 tsp', '6', null]);

    expect((await meals.call(owner.principal, SET_UNITS, { units: 'US' })).data!.setHouseholdUnits.units).toBe('US');
    const us = await texts(null);
    expect(us.own).toEqual(['2 cups', '1 lb', '1 tsp', '3', null]);
    // Asking for the other system does not change the preference.
    expect((await texts('METRIC')).own[0]).toBe('240 g');
    expect((await texts(null)).own[0]).toBe('2 cups');
    expect(us.stored).toEqual([
      [2, 'cup'],
      [1, 'lb'],
      [1, 'tsp'],
      [3, null],
      [null, null],
    ]);
  });

  it('marks which amounts were converted', async () => {
    const result = await meals.call(owner.principal, AMOUNTS, { id: recipeId, units: 'METRIC', servings: 4 });
    expect(result.data!.recipe.ingredients.slice(0, 3).map((i: { display: object }) => i.display)).toEqual([
      { quantity: 240, unit: 'g', text: '240 g', converted: true },
      { quantity: 450, unit: 'g', text: '450 g', converted: true },
      { quantity: 1, unit: 'tsp', text: '1 tsp', converted: false },
    ]);
  });

  it('refuses an unknown system as a bad input', async () => {
    const result = await meals.call(owner.principal, AMOUNTS, { id: recipeId, units: 'IMPERIAL', servings: 4 });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
