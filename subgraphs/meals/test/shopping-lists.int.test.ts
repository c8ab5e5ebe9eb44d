import { eventChannel, type DomainEvent, type Principal } from '@switchyard/shared';
import { codeOf, userPrincipal } from '@switchyard/testing';
import { BACKENDS, CREATE_RECIPE, householdOwner, recipeInput, startMeals, type Meals } from './support.ts';

const ITEM = 'id food quantity unit label category note sources { title quantity unit recipe { id title } }';
const LIST = `id name archived items { ${ITEM} }`;
const GENERATE = `mutation ($weekStart: Date!) { generateShoppingList(weekStart: $weekStart) { ${LIST} } }`;
const CREATE = `mutation ($name: String!) { createShoppingList(name: $name) { ${LIST} } }`;
const RENAME = `mutation ($id: ID!, $name: String!) { renameShoppingList(id: $id, name: $name) { id name } }`;
const ARCHIVE = `mutation ($id: ID!, $a: Boolean!) { archiveShoppingList(id: $id, archived: $a) { id archived } }`;
const DELETE = `mutation ($id: ID!) { deleteShoppingList(id: $id) }`;
const LISTS = `query ($all: Boolean) { shoppingLists(includeArchived: $all) { id name archived } }`;
const ADD = `mutation ($id: ID!, $text: String!) { addShoppingItem(listId: $id, text: $text) { ${ITEM} } }`;
const UPDATE = `mutation ($id: ID!, $input: ShoppingItemInput!) { updateShoppingItem(itemId: $id, input: $input) { ${ITEM} } }`;
const DELETE_ITEM = `mutation ($id: ID!) { deleteShoppingItem(itemId: $id) }`;
const READ = `query ($id: ID!) { shoppingList(id: $id) { ${LIST} } }`;
const AISLES = `mutation ($aisles: [String!]!) { setHouseholdAisles(aisles: $aisles) { aisles } }`;
const ADD_PANTRY = `mutation ($input: PantryItemInput!) { addPantryItem(input: $input) { id food quantity unit label } }`;
const UPDATE_PANTRY = `mutation ($id: ID!, $input: PantryItemInput!) { updatePantryItem(id: $id, input: $input) { id food quantity unit label } }`;
const REMOVE_PANTRY = `mutation ($id: ID!) { removePantryItem(id: $id) }`;
const CAN_MAKE = `query ($n: Int) { whatCanIMake(maxMissing: $n) { recipe { title } missing } }`;
const SET_ENTRY = `mutation ($input: MealPlanEntryInput!) { setMealPlanEntry(input: $input) { id } }`;

const fieldOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.field;

describe.each(BACKENDS)('shopping lists you can correct, and the pantry (%s)', (backend) => {
  let meals: Meals;
  let owner: { principal: Principal; householdId: string };
  let partner: Principal;
  let stranger: { principal: Principal; householdId: string };

  const call = (query: string, variables?: Record<string, unknown>, who?: Principal) =>
    meals.call(who ?? owner.principal, query, variables);
  const createRecipe = async (title: string, lines: string[], servings = 4) =>
    (await call(CREATE_RECIPE, { input: recipeInput(title, lines, servings) })).data!.createRecipe.id as string;
  const plan = (date: string, recipeId: string) => call(SET_ENTRY, { input: { date, slot: 'DINNER', recipeId } });
  const generate = async (weekStart: string) => (await call(GENERATE, { weekStart })).data!.generateShoppingList;

  beforeAll(async () => {
    meals = await startMeals(backend);
    owner = await householdOwner(meals);
    stranger = await householdOwner(meals, 'Strangers');
    partner = userPrincipal('VIEWER');
    await call('mutation ($h: ID!, $u: ID!) { addHouseholdMember(householdId: $h, userId: $u) { id } }', {
      h: owner.householdId,
      u: partner.userId,
    });
  });
  afterAll(() => meals?.stop());

  it('starts, renames, archives, brings back and deletes a list, each a ShoppingList event', async () => {
    const events: DomainEvent[] = [];
    const listening = new AbortController();
    const subscription = meals.bus.subscribe(eventChannel('ShoppingList'), listening.signal);
    const collecting = (async () => {
      for await (const event of subscription) events.push(event);
    })();

    const list = (await call(CREATE, { name: '  Party  ' }, partner)).data!.createShoppingList;
    expect(list).toEqual({ id: expect.any(String), name: 'Party', archived: false, items: [] });
    expect((await call(RENAME, { id: list.id, name: 'Birthday party' })).data!.renameShoppingList.name).toBe(
      'Birthday party',
    );
    expect((await call(ARCHIVE, { id: list.id, a: true })).data!.archiveShoppingList.archived).toBe(true);
    expect((await call(LISTS)).data!.shoppingLists.map((l: any) => l.id)).not.toContain(list.id);
    expect((await call(LISTS, { all: true })).data!.shoppingLists).toContainEqual({
      id: list.id,
      name: 'Birthday party',
      archived: true,
    });
    await call(ARCHIVE, { id: list.id, a: false });
    expect((await call(LISTS)).data!.shoppingLists.map((l: any) => l.id)).toContain(list.id);
    expect((await call(DELETE, { id: list.id })).data!.deleteShoppingList).toBe(list.id);
    expect(codeOf(await call(READ, { id: list.id }))).toBe('NOT_FOUND');

    const deadline = Date.now() + 5_000;
    while (events.length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    listening.abort();
    await collecting;
    expect(events.map((e) => [e.type, (e.payload as any).listId, (e.payload as any).householdId])).toEqual(
      ['Created', 'Renamed', 'Archived', 'Unarchived', 'Deleted'].map((kind) => [
        `ShoppingList${kind}`,
        list.id,
        owner.householdId,
      ]),
    );
  });

  it('refuses bad names and other households’ lists', async () => {
    expect(fieldOf(await call(CREATE, { name: '   ' }))).toBe('name');
    expect(codeOf(await call(CREATE, { name: 'x'.repeat(201) }))).toBe('BAD_USER_INPUT');
    const list = (await call(CREATE, { name: 'Mine' })).data!.createShoppingList;
    expect(fieldOf(await call(RENAME, { id: list.id, name: '' }))).toBe('name');
    for (const [query, variables] of [
      [RENAME, { id: list.id, name: 'Theirs' }],
      [ARCHIVE, { id: list.id, a: true }],
      [DELETE, { id: list.id }],
    ] as const)
      expect(codeOf(await call(query, variables, stranger.principal))).toBe('NOT_FOUND');
    expect(codeOf(await call(DELETE, { id: 'not-a-uuid' }))).toBe('NOT_FOUND');
    expect((await call(READ, { id: list.id })).data!.shoppingList.name).toBe('Mine');
  });

  it('edits and deletes items, and remembers a food’s new aisle for later lists', async () => {
    const list = (await call(CREATE, { name: 'Edits' })).data!.createShoppingList;
    const milk = (await call(ADD, { id: list.id, text: '2 l milk' })).data!.addShoppingItem;
    expect(milk.category).toBe('Dairy & Eggs');
    const edited = (
      await call(
        UPDATE,
        { id: milk.id, input: { food: 'oat milk', quantity: 1.5, unit: 'litres', note: 'barista', aisle: 'pantry' } },
        partner,
      )
    ).data!.updateShoppingItem;
    expect(edited).toMatchObject({
      food: 'oat milk',
      quantity: 1.5,
      unit: 'l',
      label: '1.5 l oat milk',
      category: 'Pantry',
      note: 'barista',
    });
    const cleared = (await call(UPDATE, { id: milk.id, input: { quantity: null, unit: null, note: null } })).data!
      .updateShoppingItem;
    expect(cleared).toMatchObject({ food: 'oat milk', quantity: null, unit: null, note: null, label: 'oat milk' });

    expect(fieldOf(await call(UPDATE, { id: milk.id, input: { aisle: 'Garden centre' } }))).toBe('input.aisle');
    expect(fieldOf(await call(UPDATE, { id: milk.id, input: { quantity: -1 } }))).toBe('input.quantity');
    expect(fieldOf(await call(UPDATE, { id: milk.id, input: { food: ' ' } }))).toBe('input.food');
    expect(codeOf(await call(UPDATE, { id: milk.id, input: { note: 'x' } }, stranger.principal))).toBe('NOT_FOUND');
    expect(codeOf(await call(DELETE_ITEM, { id: milk.id }, stranger.principal))).toBe('NOT_FOUND');

    // Oat milk now goes to the pantry aisle in this household: by hand and when generated.
    expect((await call(ADD, { id: list.id, text: '1 l oat milk' })).data!.addShoppingItem.category).toBe('Pantry');
    await plan('2027-01-04', await createRecipe('Porridge', ['500 ml oat milk', '100 g oats']));
    const generated = await generate('2027-01-04');
    expect(generated.items.find((i: any) => i.food === 'oat milk').category).toBe('Pantry');
    expect((await call(ADD, { id: list.id, text: '1 l milk' }, stranger.principal)).errors).toBeDefined();

    expect((await call(DELETE_ITEM, { id: milk.id })).data!.deleteShoppingItem).toBe(milk.id);
    const after = (await call(READ, { id: list.id })).data!.shoppingList.items.map((i: any) => i.id);
    expect(after).not.toContain(milk.id);
    const kinds = await meals.db.outboxEvent.findMany({
      where: { aggregateType: 'ShoppingItem', aggregateId: milk.id },
      orderBy: { sequence: 'asc' },
    });
    expect(kinds.map((e) => e.type)).toEqual([
      'ShoppingItemAdded',
      'ShoppingItemUpdated',
      'ShoppingItemUpdated',
      'ShoppingItemDeleted',
    ]);
  });

  it('orders items by the household’s aisles, which it can edit', async () => {
    const household = `query { myHousehold { aisles } }`;
    expect((await call(household)).data!.myHousehold.aisles).toEqual([
      'Produce',
      'Meat & Fish',
      'Dairy & Eggs',
      'Bakery',
      'Pantry',
      'Spices & Herbs',
      'Frozen',
      'Other',
    ]);
    expect(fieldOf(await call(AISLES, { aisles: [] }))).toBe('aisles');
    expect(fieldOf(await call(AISLES, { aisles: ['Bakery', ' bakery '] }))).toBe('aisles');
    expect(fieldOf(await call(AISLES, { aisles: ['x'.repeat(41)] }))).toBe('aisles');
    const list = (await call(CREATE, { name: 'Aisles' })).data!.createShoppingList;
    for (const text of ['2 onions', '1 loaf bread', '1 l milk']) await call(ADD, { id: list.id, text });
    const order = async () => (await call(READ, { id: list.id })).data!.shoppingList.items.map((i: any) => i.category);
    expect(await order()).toEqual(['Produce', 'Dairy & Eggs', 'Bakery']);
    const set = await call(AISLES, { aisles: ['Bakery', 'Dairy & Eggs', ' Produce ', 'Pantry', 'Other'] }, partner);
    expect(set.data!.setHouseholdAisles.aisles).toEqual(['Bakery', 'Dairy & Eggs', 'Produce', 'Pantry', 'Other']);
    expect(await order()).toEqual(['Bakery', 'Dairy & Eggs', 'Produce']);
  });

  it('links generated items to the recipes they came from', async () => {
    const lasagne = await createRecipe('Lasagne', ['2 onions', '500 g beef mince']);
    const chili = await createRecipe('Chili', ['1 large onion', '250 g beef mince', '1 can kidney beans']);
    await plan('2027-02-01', lasagne);
    await plan('2027-02-02', chili);
    const list = await generate('2027-02-01');
    const onions = list.items.find((i: any) => i.food === 'onions');
    expect(onions.sources).toEqual([
      { title: 'Lasagne', quantity: 2, unit: null, recipe: { id: lasagne, title: 'Lasagne' } },
      { title: 'Chili', quantity: 1, unit: null, recipe: { id: chili, title: 'Chili' } },
    ]);
    const beans = list.items.find((i: any) => i.food === 'kidney beans');
    expect(beans.sources.map((s: any) => s.title)).toEqual(['Chili']);
    await call('mutation ($id: ID!) { deleteRecipe(id: $id) }', { id: chili });
    const again = (await call(READ, { id: list.id })).data!.shoppingList.items.find((i: any) => i.food === 'onions');
    expect(again.sources[1]).toEqual({ title: 'Chili', quantity: 1, unit: null, recipe: null });
    const manual = (await call(ADD, { id: list.id, text: 'tea' })).data!.addShoppingItem;
    expect(manual.sources).toEqual([]);
  });

  it('keeps a pantry: one entry per food, validated, only the household’s own', async () => {
    const eggs = (await call(ADD_PANTRY, { input: { food: '6 large eggs' } })).data!.addPantryItem;
    expect(eggs).toMatchObject({ food: 'eggs', quantity: 6, unit: null, label: '6 eggs' });
    expect(codeOf(await call(ADD_PANTRY, { input: { food: 'egg' } }, partner))).toBe('CONFLICT');
    expect(fieldOf(await call(ADD_PANTRY, { input: { food: '' } }))).toBe('input.food');
    expect(fieldOf(await call(ADD_PANTRY, { input: { food: 'rice', quantity: 0 } }))).toBe('input.quantity');
    const updated = (await call(UPDATE_PANTRY, { id: eggs.id, input: { food: 'eggs', quantity: 12, unit: null } }))
      .data!.updatePantryItem;
    expect(updated.label).toBe('12 eggs');
    expect(codeOf(await call(UPDATE_PANTRY, { id: eggs.id, input: { food: 'x' } }, stranger.principal))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await call(REMOVE_PANTRY, { id: eggs.id }, stranger.principal))).toBe('NOT_FOUND');
    expect((await call('query { pantry { food } }', {}, stranger.principal)).data!.pantry).toEqual([]);
    expect((await call(REMOVE_PANTRY, { id: eggs.id })).data!.removePantryItem).toBe(eggs.id);
    expect((await call('query { pantry { id } }')).data!.pantry).toEqual([]);
  });

  it('leaves a food on hand off a list generated afterwards, and reduces one on hand in part', async () => {
    const curry = await createRecipe('Curry', ['2 onions', '400 ml coconut milk', '300 g rice', '1 tsp salt']);
    await plan('2027-03-01', curry);
    const before = await generate('2027-03-01');
    expect(before.items.map((i: any) => i.food)).toEqual(expect.arrayContaining(['onions', 'rice', 'coconut milk']));

    const rice = (await call(ADD_PANTRY, { input: { food: 'rice' } })).data!.addPantryItem;
    await call(ADD_PANTRY, { input: { food: 'onion', quantity: 1 } });
    await call(ADD_PANTRY, { input: { food: 'coconut milk', quantity: 1, unit: 'l' } });
    const after = await generate('2027-03-01');
    expect(after.items.map((i: any) => i.food)).not.toContain('rice');
    expect(after.items.map((i: any) => i.food)).not.toContain('coconut milk');
    expect(after.items.find((i: any) => i.food === 'onions')).toMatchObject({
      quantity: 1,
      label: '1 onion',
      note: '1 on hand',
    });
    // The list made before keeps its lines.
    expect((await call(READ, { id: before.id })).data!.shoppingList.items.map((i: any) => i.food)).toContain('rice');
    await call(REMOVE_PANTRY, { id: rice.id });
    expect((await generate('2027-03-01')).items.map((i: any) => i.food)).toContain('rice');
  });

  it('answers what can be made from the pantry, with N missing', async () => {
    const cook = await householdOwner(meals, 'Cooks');
    const as = (query: string, variables?: Record<string, unknown>) => meals.call(cook.principal, query, variables);
    for (const [title, lines] of [
      ['Omelette', ['3 eggs', '10 g butter', 'salt']],
      ['Pancakes', ['2 eggs', '200 g flour', '300 ml milk']],
      ['Toast', ['2 slices bread', 'butter']],
    ] as const)
      await as(CREATE_RECIPE, { input: recipeInput(title, [...lines]) });
    await as(ADD_PANTRY, { input: { food: 'eggs' } });
    await as(ADD_PANTRY, { input: { food: 'butter', quantity: 250, unit: 'g' } });
    expect((await as(CAN_MAKE)).data!.whatCanIMake).toEqual([{ recipe: { title: 'Omelette' }, missing: [] }]);
    expect((await as(CAN_MAKE, { n: 2 })).data!.whatCanIMake).toEqual([
      { recipe: { title: 'Omelette' }, missing: [] },
      { recipe: { title: 'Toast' }, missing: ['bread'] },
      { recipe: { title: 'Pancakes' }, missing: ['flour', 'milk'] },
    ]);
    expect(fieldOf(await as(CAN_MAKE, { n: -1 }))).toBe('maxMissing');
    expect(fieldOf(await as(CAN_MAKE, { n: 21 }))).toBe('maxMissing');
  });
});
