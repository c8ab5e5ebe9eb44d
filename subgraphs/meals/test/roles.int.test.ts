import type { Principal } from '@switchyard/shared';
import { codeOf, userPrincipal } from '@switchyard/testing';
import { BACKENDS, CREATE_RECIPE, householdOwner, recipeInput, startMeals, type Meals } from './support.ts';

const ADD_MEMBER = 'mutation ($h: ID!, $u: ID!) { addHouseholdMember(householdId: $h, userId: $u) { id } }';
const CREATE_HOUSEHOLD = 'mutation { createHousehold(name: "Mine") { id } }';
const PAGE =
  '<script type="application/ld+json">{"@type":"Recipe","name":"Toast","recipeIngredient":["1 slice bread"]}</script>';

/**
 * The meals role rule, through the API: members of a household plan meals, build and tick shopping
 * lists and choose its units together, whatever their role; creating a household and writing recipes
 * (new, edit, delete, import) takes an OPERATOR. A VIEWER reads the household's recipes.
 */
describe.each(BACKENDS)('meals roles (%s)', (backend) => {
  let meals: Meals;
  let owner: { principal: Principal; householdId: string };
  let viewer: Principal;
  let recipeId: string;

  beforeAll(async () => {
    meals = await startMeals(backend);
    owner = await householdOwner(meals);
    viewer = userPrincipal('VIEWER');
    await meals.call(owner.principal, ADD_MEMBER, { h: owner.householdId, u: viewer.userId });
    recipeId = (await meals.call(owner.principal, CREATE_RECIPE, { input: recipeInput('Stew', ['2 onions']) })).data!
      .createRecipe.id;
  });
  afterAll(() => meals?.stop());

  it('lets a VIEWER member read recipes, plan meals, build and tick lists and set the units', async () => {
    expect((await meals.call(viewer, '{ recipes { totalCount } }')).data!.recipes.totalCount).toBe(1);
    const entry = await meals.call(
      viewer,
      'mutation ($r: ID!) { setMealPlanEntry(input: { date: "2026-11-23", slot: DINNER, recipeId: $r }) { id } }',
      { r: recipeId },
    );
    expect(entry.errors).toBeUndefined();
    const suggested = await meals.call(viewer, 'mutation { suggestMealPlan(weekStart: "2026-11-30") { weekStart } }');
    expect(suggested.errors).toBeUndefined();
    const list = await meals.call(
      viewer,
      'mutation { generateShoppingList(weekStart: "2026-11-23") { id items { id label } } }',
    );
    const { id, items } = list.data!.generateShoppingList;
    expect(items.map((item: { label: string }) => item.label)).toEqual(['2 onions']);
    const added = await meals.call(
      viewer,
      'mutation ($id: ID!) { addShoppingItem(listId: $id, text: "1 l milk") { id } }',
      {
        id,
      },
    );
    expect(added.errors).toBeUndefined();
    const ticked = await meals.call(
      viewer,
      'mutation ($id: ID!) { toggleShoppingItem(itemId: $id, checked: true) { checked } }',
      {
        id: items[0].id,
      },
    );
    expect(ticked.data!.toggleShoppingItem.checked).toBe(true);
    const units = await meals.call(viewer, 'mutation { setHouseholdUnits(units: US) { units } }');
    expect(units.data!.setHouseholdUnits.units).toBe('US');
    expect(await meals.db.mealPlanEntry.count({ where: { householdId: owner.householdId } })).toBeGreaterThan(0);
  });

  it('refuses a VIEWER creating a household or writing recipes, and writes nothing', async () => {
    const before = await meals.db.recipe.count();
    const refused = [
      await meals.call(userPrincipal('VIEWER'), CREATE_HOUSEHOLD),
      await meals.call(viewer, CREATE_RECIPE, { input: recipeInput('Mine', ['1 egg']) }),
      await meals.call(
        viewer,
        'mutation ($id: ID!, $input: RecipeInput!) { updateRecipe(id: $id, input: $input) { id } }',
        {
          id: recipeId,
          input: recipeInput('Changed', ['1 egg']),
        },
      ),
      await meals.call(viewer, 'mutation ($id: ID!) { deleteRecipe(id: $id) }', { id: recipeId }),
      await meals.call(viewer, 'mutation ($html: String) { importRecipe(html: $html) { id } }', { html: PAGE }),
    ];
    expect(refused.map(codeOf)).toEqual(Array(5).fill('FORBIDDEN'));
    expect(await meals.db.recipe.count()).toBe(before);
    expect((await meals.db.recipe.findUniqueOrThrow({ where: { id: recipeId } })).title).toBe('Stew');
  });

  it('lets an OPERATOR create a household and write recipes, and an ADMIN manage any household', async () => {
    const operator = userPrincipal('OPERATOR');
    expect((await meals.call(operator, CREATE_HOUSEHOLD)).errors).toBeUndefined();
    const imported = await meals.call(operator, 'mutation ($html: String) { importRecipe(html: $html) { title } }', {
      html: PAGE,
    });
    expect(imported.data!.importRecipe.title).toBe('Toast');
    const newcomer = userPrincipal('VIEWER');
    expect(codeOf(await meals.call(operator, ADD_MEMBER, { h: owner.householdId, u: newcomer.userId }))).toBe(
      'FORBIDDEN',
    );
    const admin = userPrincipal('ADMIN');
    expect((await meals.call(admin, ADD_MEMBER, { h: owner.householdId, u: newcomer.userId })).errors).toBeUndefined();
    expect(
      codeOf(await meals.call(viewer, ADD_MEMBER, { h: owner.householdId, u: userPrincipal('VIEWER').userId })),
    ).toBe('FORBIDDEN');
  });
});
