import { readFileSync } from 'node:fs';
import {
  bearer,
  codesOf,
  graphql,
  REPO_ROOT,
  freePort,
  collect,
  eventually,
  subscriptionClient,
  startSmtp,
} from '@switchyard/testing';
import { login, signedInAs, createHousehold, createRecipe } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const IMPORT =
  'mutation ($url: String, $html: String) { importRecipe(url: $url, html: $html) { id title servings prepMinutes cookMinutes ingredients { quantity unit food } steps { text } } }';
const SET_ENTRY = 'mutation ($input: MealPlanEntryInput!) { setMealPlanEntry(input: $input) { id } }';
const GENERATE =
  'mutation ($weekStart: Date!) { generateShoppingList(weekStart: $weekStart) { id items { id food quantity unit label } } }';
const TOGGLE =
  'mutation ($id: ID!, $checked: Boolean!) { toggleShoppingItem(itemId: $id, checked: $checked) { id checked } }';
const LIST_CHANGED =
  'subscription ($id: ID!) { shoppingListChanged(listId: $id) { kind item { id food checked checkedBy { id email } } changedBy { email } } }';
const PLAN_CHANGED =
  'subscription ($weekStart: Date!) { mealPlanChanged(weekStart: $weekStart) { kind date slot entry { recipe { title } } } }';
const fixture = (name: string) => readFileSync(`${REPO_ROOT}subgraphs/meals/test/fixtures/${name}`, 'utf8');

describe.each(ONE_BACKEND)('meals through the gateway (%s)', (backend) => {
  let system: System;
  let gateway: string;
  let owner: Awaited<ReturnType<typeof signedInAs>>;
  let partner: Awaited<ReturnType<typeof signedInAs>>;
  let stranger: Awaited<ReturnType<typeof signedInAs>>;
  let householdId: string;
  const as = (user: { token: string }, query: string, variables: Record<string, unknown> = {}) =>
    graphql(gateway, query, variables, bearer(user.token));

  beforeAll(async () => {
    system = await startSystem(backend, { subgraphs: ['identity', 'meals'], env: { SEED_DEMO_DATA: 'false' } });
    gateway = system.gatewayUrl;
    const adminToken = (await login(gateway, system.admin.email, system.admin.password)).accessToken;
    // Operators create households and recipes; a viewer is added and plans and shops with them.
    [owner, partner, stranger] = await Promise.all([
      signedInAs(gateway, adminToken, 'OPERATOR'),
      signedInAs(gateway, adminToken, 'VIEWER'),
      signedInAs(gateway, adminToken, 'OPERATOR'),
    ]);
    householdId = await createHousehold(gateway, owner.token, 'The Owners');
    await createHousehold(gateway, stranger.token, 'The Strangers');
    const added = await as(
      owner,
      'mutation ($h: ID!, $u: ID!) { addHouseholdMember(householdId: $h, userId: $u) { id } }',
      { h: householdId, u: partner.id },
    );
    expect(added.errors).toBeUndefined();
  });
  afterAll(() => system?.destroy());

  it('shows the household on the user, with members resolved by identity', async () => {
    const me = await as(partner, '{ me { email household { name owner { email } members { email } } } }');
    expect(me.data.me.household).toEqual({
      name: 'The Owners',
      owner: { email: owner.email },
      members: [{ email: owner.email }, { email: partner.email }],
    });
    expect((await as(stranger, '{ me { household { name } } }')).data.me.household).toEqual({ name: 'The Strangers' });
  });

  it('imports a recipe page given as html, and refuses a page without recipe data and a loopback URL', async () => {
    const imported = await as(owner, IMPORT, { html: fixture('jsonld-graph.html') });
    expect(imported.data.importRecipe).toMatchObject({
      title: 'Weeknight Chicken Curry',
      servings: 6,
      prepMinutes: 15,
      cookMinutes: 35,
    });
    expect(imported.data.importRecipe.ingredients).toContainEqual({ quantity: 800, unit: 'g', food: 'chicken thighs' });
    expect(imported.data.importRecipe.steps).toHaveLength(3);

    const noRecipe = await as(owner, IMPORT, { html: fixture('no-recipe.html') });
    expect(noRecipe.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'html' });
    const loopback = await as(owner, IMPORT, { url: 'http://127.0.0.1/' });
    expect(loopback.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(loopback.errors![0]!.message).toMatch(/private, loopback or reserved address/);
  });

  it('keeps recipes, plans and lists of one household from another', async () => {
    const recipeId = await createRecipe(gateway, owner.token, 'Family Secret', ['1 tbsp love']);
    expect(codesOf(await as(stranger, 'query ($id: ID!) { recipe(id: $id) { title } }', { id: recipeId }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codesOf(await as(stranger, 'mutation ($id: ID!) { deleteRecipe(id: $id) }', { id: recipeId }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codesOf(await as(stranger, SET_ENTRY, { input: { date: '2030-01-14', slot: 'DINNER', recipeId } }))).toEqual(
      ['NOT_FOUND'],
    );
    await as(owner, SET_ENTRY, { input: { date: '2030-01-14', slot: 'DINNER', recipeId } });
    const list = (await as(owner, GENERATE, { weekStart: '2030-01-14' })).data.generateShoppingList;
    expect(codesOf(await as(stranger, 'query ($id: ID!) { shoppingList(id: $id) { id } }', { id: list.id }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codesOf(await as(stranger, TOGGLE, { id: list.items[0].id, checked: true }))).toEqual(['NOT_FOUND']);
    expect(
      (await as(stranger, '{ mealPlan(weekStart: "2030-01-14") { entries { id } } }')).data.mealPlan.entries,
    ).toEqual([]);
    expect(
      codesOf(
        await as(stranger, 'mutation ($h: ID!, $u: ID!) { addHouseholdMember(householdId: $h, userId: $u) { id } }', {
          h: householdId,
          u: stranger.id,
        }),
      ),
    ).toEqual(['FORBIDDEN']);

    const subscriber = subscriptionClient(gateway, { authorization: `Bearer ${stranger.token}` });
    const [refused] = await collect(subscriber, LIST_CHANGED, { id: list.id }).next(1);
    expect(refused.errors[0].extensions.code).toBe('NOT_FOUND');
    await subscriber.dispose();
  });

  it('merges a week of flour in g, kg and cups into grams and streams concurrent ticks to a second member live', async () => {
    const weekStart = '2030-01-07';
    const recipes = await Promise.all([
      createRecipe(gateway, owner.token, 'Bread', ['500 g flour', '1 tsp ground cumin']),
      createRecipe(gateway, owner.token, 'Pizza', ['1 kg flour', '1 tbsp ground cumin']),
      createRecipe(gateway, owner.token, 'Cake', ['2 cups flour, sifted', '3 eggs']),
    ]);
    const planClient = subscriptionClient(gateway, { authorization: `Bearer ${partner.token}` });
    const planChanges = collect(planClient, PLAN_CHANGED, { weekStart });
    await planClient.connected;
    for (const [day, recipeId] of recipes.entries()) {
      expect(
        (await as(owner, SET_ENTRY, { input: { date: `2030-01-0${7 + day}`, slot: 'DINNER', recipeId } })).errors,
      ).toBeUndefined();
    }
    const planned = await planChanges.next(3);
    expect(
      planned.map((change) => [change.data.mealPlanChanged.date, change.data.mealPlanChanged.entry.recipe.title]),
    ).toEqual([
      ['2030-01-07', 'Bread'],
      ['2030-01-08', 'Pizza'],
      ['2030-01-09', 'Cake'],
    ]);
    await planClient.dispose();

    const list = (await as(owner, GENERATE, { weekStart })).data.generateShoppingList;
    // Stored exact in grams (500 g + 1 kg + 2 cups × ~120 g), shown rounded in the household's units.
    expect(list.items.filter((item: any) => item.food === 'flour')).toEqual([
      expect.objectContaining({ unit: 'g', label: '1.75 kg flour' }),
    ]);
    expect(list.items).toContainEqual(expect.objectContaining({ food: 'ground cumin', label: '1⅓ tbsp ground cumin' }));

    const watcher = subscriptionClient(gateway, { authorization: `Bearer ${partner.token}` });
    const ticks = collect(watcher, LIST_CHANGED, { id: list.id });
    await watcher.connected;
    const [first, second] = list.items;
    const toggles = await Promise.all([
      as(owner, TOGGLE, { id: first.id, checked: true }),
      as(partner, TOGGLE, { id: second.id, checked: true }),
    ]);
    expect(toggles.map((t) => t.data.toggleShoppingItem.checked)).toEqual([true, true]);

    const seen = await ticks.next(2);
    const byItem = Object.fromEntries(
      seen.map((tick) => [tick.data.shoppingListChanged.item.id, tick.data.shoppingListChanged]),
    );
    expect(byItem[first.id]).toMatchObject({
      kind: 'ITEM_TOGGLED',
      item: { checked: true, checkedBy: { email: owner.email } },
      changedBy: { email: owner.email },
    });
    expect(byItem[second.id]).toMatchObject({
      kind: 'ITEM_TOGGLED',
      item: { checked: true, checkedBy: { email: partner.email } },
    });
    await watcher.dispose();

    const reread = await as(owner, 'query ($id: ID!) { shoppingList(id: $id) { items { id checked } } }', {
      id: list.id,
    });
    const checked = reread.data.shoppingList.items.filter((item: any) => item.checked).map((item: any) => item.id);
    expect(checked.sort()).toEqual([first.id, second.id].sort());
  });

  it('emails every member the coming week, with addresses from identity, when the configured hour has come', async () => {
    const smtp = await startSmtp();
    try {
      const today = new Date();
      const weekday = today.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' }).toUpperCase();
      const daysToMonday = (8 - today.getUTCDay()) % 7 || 7;
      const nextMonday = new Date(
        Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + daysToMonday),
      )
        .toISOString()
        .slice(0, 10);
      const recipeId = await createRecipe(gateway, owner.token, 'Email Lasagne', [
        '250 g lasagne sheets',
        '500 g beef mince',
      ]);
      await as(owner, SET_ENTRY, { input: { date: nextMonday, slot: 'DINNER', recipeId } });

      // The running meals process has another schedule; a restarted one whose hour has come sends at start.
      await system.services.find((service) => service.name === 'meals')!.stop();
      await system.startReplica('meals', {
        MEALS_PORT: String(await freePort()),
        WEEKLY_EMAIL_DAY: weekday,
        WEEKLY_EMAIL_HOUR: '0',
        SMTP_URL: smtp.url,
      });
      // Households of earlier tests in this suite are mailed too; this household's members get one each.
      const members = [owner.email, partner.email];
      const ours = () => smtp.received.filter((message) => members.includes(message.to[0]!));
      await eventually(async () => ours().length >= 2);
      // Nothing announces that a third mail will not come: look again after a moment.
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      expect(
        ours()
          .map((message) => message.to[0])
          .sort(),
      ).toEqual([...members].sort());
      for (const message of ours()) {
        expect(message.subject).toBe(`Meal plan for the week of ${nextMonday} - The Owners`);
        expect(message.text).toContain('Dinner: Email Lasagne (4 servings)');
        expect(message.text).toMatch(/- 500 g beef mince/);
      }
    } finally {
      await smtp.close();
    }
  });
});
