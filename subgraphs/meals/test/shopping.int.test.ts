import { randomUUID } from 'node:crypto';
import type { Principal } from '@switchyard/shared';
import { codeOf, userPrincipal } from '@switchyard/testing';
import { BACKENDS, CREATE_RECIPE, householdOwner, recipeInput, startMeals, type Meals } from './support.ts';

const SET_ENTRY = `mutation ($input: MealPlanEntryInput!) { setMealPlanEntry(input: $input) { id date slot servings recipe { title } } }`;
const GENERATE = `mutation ($weekStart: Date!) { generateShoppingList(weekStart: $weekStart) { id name items { id food quantity unit label category checked } } }`;
const TOGGLE = `mutation ($id: ID!, $checked: Boolean!) { toggleShoppingItem(itemId: $id, checked: $checked) { id checked checkedBy { id } } }`;
const PLAN = `query ($weekStart: Date!) { mealPlan(weekStart: $weekStart) { weekStart entries { date slot servings recipe { title } } } }`;

describe.each(BACKENDS)('meal plans and shopping lists (%s)', (backend) => {
  let meals: Meals;
  let owner: { principal: Principal; householdId: string };
  let partner: Principal;
  const weekStart = '2026-11-23';

  const createRecipe = async (title: string, lines: string[], servings = 4) =>
    (await meals.call(owner.principal, CREATE_RECIPE, { input: recipeInput(title, lines, servings) })).data!
      .createRecipe.id as string;
  const plan = (date: string, recipeId: string, slot = 'DINNER', servings?: number) =>
    meals.call(owner.principal, SET_ENTRY, { input: { date, slot, recipeId, servings } });

  beforeAll(async () => {
    meals = await startMeals(backend);
    owner = await householdOwner(meals);
    partner = userPrincipal('VIEWER');
    const added = await meals.call(
      owner.principal,
      'mutation ($h: ID!, $u: ID!) { addHouseholdMember(householdId: $h, userId: $u) { members { id } } }',
      {
        h: owner.householdId,
        u: partner.userId,
      },
    );
    expect(added.data!.addHouseholdMember.members).toHaveLength(2);
  });
  afterAll(() => meals?.stop());

  it('merges flour given in g, kg and cups into grams, and teaspoons with tablespoons of one spice', async () => {
    const bread = await createRecipe('Bread', ['500 g flour', '1 tsp ground cumin', '1 tsp salt']);
    const pizza = await createRecipe('Pizza', ['1 kg flour', '1 tbsp ground cumin'], 2);
    const cake = await createRecipe('Cake', ['2 cups flour', '3 eggs', 'salt to taste']);
    await plan('2026-11-23', bread);
    await plan('2026-11-24', pizza, 'DINNER', 4);
    await plan('2026-11-25', cake, 'LUNCH');

    const list = (await meals.call(owner.principal, GENERATE, { weekStart })).data!.generateShoppingList;
    expect(list.name).toBe('Week of 23 Nov 2026');
    const flour = list.items.find((item: any) => item.food === 'flour');
    // Stored exact: 500 g + 2 × 1 kg (pizza planned for twice its servings) + 2 cups × ~120 g
    expect(flour).toMatchObject({ unit: 'g', label: '2.75 kg flour', category: 'Pantry' });
    expect(flour.quantity).toBeCloseTo(2500 + 2 * 236.588 * 0.51, 2);
    const labels = list.items.map((item: any) => item.label);
    // 1 tsp + 2 × 1 tbsp of cumin is 2⅓ tbsp; metric is the default
    expect(labels).toEqual(expect.arrayContaining(['2⅓ tbsp ground cumin', '3 eggs', '1 tsp salt']));
    expect(labels.filter((label: string) => label.endsWith('salt'))).toHaveLength(1);

    const us = await meals.call(partner, 'mutation { setHouseholdUnits(units: US) { units } }');
    expect(us.data!.setHouseholdUnits.units).toBe('US');
    const again = await meals.call(owner.principal, 'query ($id: ID!) { shoppingList(id: $id) { items { label } } }', {
      id: list.id,
    });
    expect(again.data!.shoppingList.items.map((item: any) => item.label)).toContain('6 lb flour');
    await meals.call(owner.principal, 'mutation { setHouseholdUnits(units: METRIC) { units } }');
  });

  it('adds manual items parsed like ingredients', async () => {
    const list = (await meals.call(owner.principal, GENERATE, { weekStart })).data!.generateShoppingList;
    const added = await meals.call(
      partner,
      'mutation ($id: ID!) { addShoppingItem(listId: $id, text: "2 l milk") { food quantity unit category manual } }',
      { id: list.id },
    );
    expect(added.data!.addShoppingItem).toEqual({
      food: 'milk',
      quantity: 2,
      unit: 'l',
      category: 'Dairy & Eggs',
      manual: true,
    });
  });

  it('copies a week and suggests dinners from recipes not planned recently', async () => {
    const copied = await meals.call(
      owner.principal,
      'mutation { copyWeek(from: "2026-11-23", to: "2026-11-30") { weekStart entries { date slot recipe { title } } } }',
    );
    expect(copied.data!.copyWeek.entries.map((e: any) => [e.date, e.slot, e.recipe.title])).toEqual([
      ['2026-11-30', 'DINNER', 'Bread'],
      ['2026-12-01', 'DINNER', 'Pizza'],
      ['2026-12-02', 'LUNCH', 'Cake'],
    ]);
    const fresh = await createRecipe('Fresh Salad', ['1 head lettuce']);
    // A one-serving breakfast is never a dinner, however little else there is.
    await meals.call(owner.principal, CREATE_RECIPE, {
      input: { ...recipeInput('Porridge', ['1/2 cup oats'], 1), tags: ['breakfast'] },
    });
    const suggested = await meals.call(
      owner.principal,
      'mutation { suggestMealPlan(weekStart: "2026-12-07", rules: { avoidRecentWeeks: 2 }) { entries { date slot servings recipe { id } } } }',
    );
    // Bread, Pizza and Cake were planned within the last two weeks; only the salad is left.
    expect(suggested.data!.suggestMealPlan.entries).toEqual([
      { date: '2026-12-07', slot: 'DINNER', servings: 4, recipe: { id: fresh } },
    ]);
  });

  it('hides plans and lists of other households and refuses member management by non-owners', async () => {
    const stranger = await householdOwner(meals, 'Strangers');
    const ownList = (await meals.call(owner.principal, 'query { shoppingLists { id items { id } } }')).data!
      .shoppingLists[0];
    expect(
      codeOf(
        await meals.call(stranger.principal, 'query ($id: ID!) { shoppingList(id: $id) { id } }', { id: ownList.id }),
      ),
    ).toBe('NOT_FOUND');
    expect(codeOf(await meals.call(stranger.principal, TOGGLE, { id: ownList.items[0].id, checked: false }))).toBe(
      'NOT_FOUND',
    );
    expect((await meals.call(stranger.principal, PLAN, { weekStart })).data!.mealPlan.entries).toEqual([]);
    const entryId = (await meals.db.mealPlanEntry.findFirstOrThrow({ where: { householdId: owner.householdId } })).id;
    expect(
      codeOf(
        await meals.call(stranger.principal, 'mutation ($id: ID!) { removeMealPlanEntry(id: $id) }', { id: entryId }),
      ),
    ).toBe('NOT_FOUND');
    const addByMember = await meals.call(
      partner,
      'mutation ($h: ID!, $u: ID!) { addHouseholdMember(householdId: $h, userId: $u) { id } }',
      { h: owner.householdId, u: randomUUID() },
    );
    expect(codeOf(addByMember)).toBe('FORBIDDEN');
    const poach = await meals.call(
      owner.principal,
      'mutation ($h: ID!, $u: ID!) { addHouseholdMember(householdId: $h, userId: $u) { id } }',
      { h: owner.householdId, u: stranger.principal.userId },
    );
    expect(codeOf(poach)).toBe('CONFLICT');
    const admin = userPrincipal('ADMIN');
    const newcomer = randomUUID();
    const byAdmin = await meals.call(
      admin,
      'mutation ($h: ID!, $u: ID!) { addHouseholdMember(householdId: $h, userId: $u) { owner { id } members { id } } }',
      { h: stranger.householdId, u: newcomer },
    );
    expect(byAdmin.data!.addHouseholdMember).toEqual({
      owner: { id: stranger.principal.userId },
      members: [{ id: stranger.principal.userId }, { id: newcomer }],
    });
  });

  it('merges plurals and size words into one food and puts canned goods in the pantry', async () => {
    const stew = await createRecipe('Stew', ['2 large onions', '1 can chopped tomatoes', '3 tsp olive oil']);
    const soup = await createRecipe('Soup', ['3 onion', '33 tsp olive oil']);
    await plan('2026-12-14', stew);
    await plan('2026-12-15', soup);
    const list = (await meals.call(owner.principal, GENERATE, { weekStart: '2026-12-14' })).data!.generateShoppingList;
    expect(list.items.map(({ category, label }: any) => [category, label])).toEqual([
      ['Produce', '5 onions'],
      ['Pantry', '1 can chopped tomatoes'],
      ['Pantry', '180 ml olive oil'],
    ]);
  });

  it('keeps every toggle when two members tick items at the same time', async () => {
    const list = (await meals.call(owner.principal, GENERATE, { weekStart })).data!.generateShoppingList;
    const items: { id: string }[] = list.items;
    expect(items.length).toBeGreaterThanOrEqual(4);
    const results = await Promise.all(
      items.map((item, index) =>
        meals.call(index % 2 ? partner : owner.principal, TOGGLE, { id: item.id, checked: true }),
      ),
    );
    expect(results.every((result) => result.data?.toggleShoppingItem.checked)).toBe(true);
    const rows = await meals.db.shoppingItem.findMany({ where: { listId: list.id } });
    expect(rows.every((row) => row.checked)).toBe(true);
    expect(new Set(rows.map((row) => row.checkedBy))).toEqual(new Set([owner.principal.userId, partner.userId]));
    const events = await meals.db.outboxEvent.count({
      where: { aggregateType: 'ShoppingItem', aggregateId: { in: items.map((i) => i.id) } },
    });
    expect(events).toBe(items.length);
  });
});
