import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { api, createUser, screenshot, signIn, unique } from './support.ts';

// Meals: households, recipes (editor, scaling, import), the weekly planner and the live shopping
// list. Every test works in households of its own (fresh users), in a week far from today, so no
// test sees another's data or the demo data the first household of a database gets.

type User = Awaited<ReturnType<typeof createUser>>;

async function tokenOf(user: User): Promise<string> {
  const data = await api<{ login: { accessToken: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
    { e: user.email, p: user.password },
  );
  return data.login.accessToken;
}

/**
 * A fresh household owned by a new operator (creating one takes that role), with `extraMembers`
 * more users in it: viewers, who plan and shop with the owner.
 */
async function household(extraMembers = 0) {
  const owner = await createUser('OPERATOR');
  const token = await tokenOf(owner);
  const { createHousehold } = await api<{ createHousehold: { id: string } }>(
    'mutation($name: String!) { createHousehold(name: $name, timeZone: "Europe/Berlin") { id } }',
    { name: unique('Household') },
    token,
  );
  const members: User[] = [];
  for (let i = 0; i < extraMembers; i++) {
    const member = await createUser('VIEWER');
    const { me } = await api<{ me: { id: string } }>('query { me { id } }', {}, await tokenOf(member));
    await api(
      'mutation($h: ID!, $u: ID!) { addHouseholdMember(householdId: $h, userId: $u) { id } }',
      { h: createHousehold.id, u: me.id },
      token,
    );
    members.push(member);
  }
  return { id: createHousehold.id, owner, token, members };
}

async function createRecipe(token: string, title: string, ingredients: string[], servings = 4) {
  const { createRecipe } = await api<{ createRecipe: { id: string } }>(
    'mutation($input: RecipeInput!) { createRecipe(input: $input) { id } }',
    {
      input: {
        title,
        servings,
        prepMinutes: 10,
        cookMinutes: 20,
        tags: ['test'],
        ingredients: ingredients.map((raw) => ({ raw })),
        steps: ['Mix everything.', 'Cook until done.'],
      },
    },
    token,
  );
  return createRecipe.id;
}

async function openAs(browser: Browser, user: User): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user);
  return page;
}

const marker = (page: Page) => page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
const markerKept = (page: Page) => page.evaluate(() => (window as unknown as { marker?: number }).marker);

// A Monday far from today's week: no demo plan, and the same date every run.
const WEEK = '2031-03-03';

test('ticking a shopping item shows in the other context', async ({ browser }) => {
  const home = await household(1);
  const recipe = await createRecipe(home.token, unique('Shopping Pancakes'), [
    '1 1/2 cups flour',
    '2 eggs',
    '200 ml milk',
  ]);
  await api(
    'mutation($input: MealPlanEntryInput!) { setMealPlanEntry(input: $input) { id } }',
    { input: { date: '2031-03-04', slot: 'BREAKFAST', recipeId: recipe } },
    home.token,
  );
  await api<{ generateShoppingList: { id: string } }>(
    'mutation($w: Date!) { generateShoppingList(weekStart: $w) { id } }',
    { w: WEEK },
    home.token,
  );

  const a = await openAs(browser, home.owner);
  const b = await openAs(browser, home.members[0]!);
  for (const page of [b, a]) {
    await page.getByRole('link', { name: 'Meals', exact: true }).click();
    await page.getByRole('link', { name: 'Shopping list', exact: true }).click();
    // The household's only list, so the newest: shown without choosing it.
    // Titled in the reader's date format, not ISO.
    await expect(page.getByTestId('shopping-list').getByRole('heading', { level: 2 })).toHaveText(
      /^Week of (3 Mar 2031|Mar 3, 2031)$/,
    );
    await expect(page.getByTestId('connection')).toHaveText('Live');
    await marker(page);
  }
  // Generated from the plan: amounts as the recipe gives them for its own servings.
  const eggsA = a.getByRole('checkbox', { name: '2 eggs' });
  const eggsB = b.getByRole('checkbox', { name: '2 eggs' });
  await expect(eggsA).not.toBeChecked();
  await expect(eggsB).not.toBeChecked();
  await expect(b.getByTestId('ticked-count')).toHaveText('0 of 3 ticked off');

  await eggsA.check();
  await expect(eggsB).toBeChecked();
  await expect(b.getByTestId('ticked-count')).toHaveText('1 of 3 ticked off');
  await expect(b.getByTestId('shopping-item').filter({ hasText: 'eggs' })).toContainText(`✓ ${home.owner.displayName}`);

  await eggsA.uncheck();
  await expect(eggsB).not.toBeChecked();
  await expect(b.getByTestId('ticked-count')).toHaveText('0 of 3 ticked off');

  // The other way round, and an item added by hand appears on both lists.
  await b.getByLabel('Add an item').fill('3 lemons');
  await b.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(a.getByRole('checkbox', { name: '3 lemons' })).toBeVisible();
  await a.getByRole('checkbox', { name: '3 lemons' }).check();
  await expect(b.getByRole('checkbox', { name: '3 lemons' })).toBeChecked();
  await expect(a.getByTestId('ticked-count')).toHaveText('1 of 4 ticked off');
  expect(await markerKept(a)).toBe(1);
  expect(await markerKept(b)).toBe(1);

  // What the server stored, not only what the pages show.
  const { shoppingList } = await api<{ shoppingList: { items: { food: string; checked: boolean }[] } }>(
    'query($id: ID!) { shoppingList(id: $id) { items { food checked } } }',
    {
      id: (await api<{ shoppingLists: { id: string }[] }>('query { shoppingLists { id } }', {}, home.token))
        .shoppingLists[0]!.id,
    },
    home.token,
  );
  expect(shoppingList.items.find((i) => i.food === 'eggs')?.checked).toBe(false);
  expect(shoppingList.items.find((i) => i.food.startsWith('lemon'))?.checked).toBe(true);

  await screenshot(a, 'shopping-list');

  // Both are in the household, the owner first.
  await b.getByRole('link', { name: 'Household', exact: true }).click();
  await expect(b.getByTestId('members').getByRole('listitem')).toHaveText([
    new RegExp(`^${home.owner.displayName}\\s+owner`),
    new RegExp(`^${home.members[0]!.displayName}\\s+\\(you\\)\\s+Leave`),
  ]);
  await a.context().close();
  await b.context().close();
});

test('a recipe written in the editor shows parsed amounts and scales them', async ({ page }) => {
  // A user without a household is asked to create one first (an operator may).
  const user = await createUser('OPERATOR');
  await signIn(page, user);
  await page.getByRole('link', { name: 'Meals', exact: true }).click();
  await expect(page.getByTestId('household-prompt')).toContainText('You are not in a household yet');
  await page.getByLabel('Household name').fill(unique('Kitchen'));
  await page.getByRole('button', { name: 'Create household' }).click();
  await expect(page.getByRole('heading', { name: 'Recipes', level: 1 })).toBeVisible();
  await expect(page.getByTestId('recipes-empty')).toBeVisible();

  await page.getByRole('link', { name: 'New recipe' }).click();
  const title = unique('Editor Pancakes');
  // Only spaces: the browser lets it through, the API refuses it, and says so at the field.
  await page.getByLabel('Title').fill('   ');
  await page.getByLabel('Servings').fill('4');
  await page.getByLabel('Prep minutes').fill('10');
  await page.getByLabel('Cook minutes').fill('15');
  await page.getByLabel('Tags').fill('breakfast, sweet');
  await page.getByLabel('Ingredient 1', { exact: true }).fill('1 1/2 cups flour, sifted');
  await page.getByLabel('Ingredient 2', { exact: true }).fill('2 eggs');
  await page.getByLabel('Ingredient 3', { exact: true }).fill('200 g sugar');
  // Enter starts a new line; a line can be moved and removed.
  await page.getByLabel('Ingredient 3', { exact: true }).press('Enter');
  await expect(page.getByLabel('Ingredient 4', { exact: true })).toBeFocused();
  await page.getByLabel('Ingredient 4', { exact: true }).fill('a pinch of salt');
  await page.getByRole('button', { name: 'Move ingredient 4 up' }).click();
  await expect(page.getByLabel('Ingredient 3', { exact: true })).toHaveValue('a pinch of salt');
  await page.getByRole('button', { name: 'Remove ingredient 3' }).click();
  await expect(page.getByLabel('Ingredient 3', { exact: true })).toHaveValue('200 g sugar');
  await page.getByLabel('Step 1', { exact: true }).fill('Whisk everything together.');
  await page.getByRole('button', { name: 'Add step' }).click();
  await page.getByLabel('Step 2', { exact: true }).fill('Fry ladlefuls until golden.');
  await page.getByRole('button', { name: 'Create recipe' }).click();
  await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Title')).toHaveAccessibleDescription('Must not be empty');
  await expect(page.getByLabel('Title')).toBeFocused();
  await screenshot(page, 'recipe-editor');

  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Create recipe' }).click();
  await expect(page.getByTestId('recipe-title')).toHaveText(title);
  await expect(page.getByTestId('recipe-total')).toHaveText('25 min');
  const amounts = page.getByTestId('ingredient').getByTestId('amount');
  const lines = page.getByTestId('ingredient');
  await expect(lines).toHaveCount(3);
  // Parsed by the API: 1 1/2 cups → 1.5 cup, shown as a cook writes it; the note kept apart.
  // A metric household reads the flour by weight; "As written" shows the recipe's own amounts.
  await expect(lines.nth(0)).toContainText('flour, sifted');
  await expect(amounts).toHaveText(['180 g', '2', '200 g']);
  await page.getByRole('radio', { name: 'As written' }).check();
  await expect(amounts).toHaveText(['1½ cups', '2', '200 g']);
  await expect(page.getByTestId('steps').getByRole('listitem')).toHaveText([
    'Whisk everything together.',
    'Fry ladlefuls until golden.',
  ]);

  // Double the servings: every amount doubles.
  await page.getByRole('spinbutton', { name: 'Servings' }).fill('8');
  await expect(page.getByText('Scaled from 4 to 8 servings.')).toBeVisible();
  await expect(amounts).toHaveText(['3 cups', '4', '400 g']);
  await expect(lines.nth(1)).toContainText('eggs');
  // Half: ¾ cup, 1 egg, 100 g.
  await page.getByRole('spinbutton', { name: 'Servings' }).fill('2');
  await expect(amounts).toHaveText(['¾ cup', '1', '100 g']);
  await page.getByRole('button', { name: 'More servings' }).click();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(amounts).toHaveText(['1½ cups', '2', '200 g']);
  await screenshot(page, 'recipe');

  // The list finds it by an ingredient, by tag and by time.
  await page.getByRole('link', { name: 'Recipes', exact: true }).first().click();
  await page.getByLabel('Search').fill('sugar');
  await expect(page.getByTestId('recipe-card')).toHaveCount(1);
  await expect(page.getByTestId('recipe-card')).toContainText(title);
  await page.getByLabel('Search').fill('no such thing');
  await expect(page.getByTestId('recipes-empty')).toHaveText('No recipe matches these filters.');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Ready in').selectOption('15');
  await expect(page.getByTestId('recipes-empty')).toBeVisible();
  await page.getByLabel('Ready in').selectOption('30');
  await page.getByLabel('Tag', { exact: true }).selectOption('sweet');
  await expect(page.getByTestId('recipe-card')).toContainText(title);

  // Edit, then delete with confirmation.
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByLabel('Ingredient 1', { exact: true })).toHaveValue('1 1/2 cups flour, sifted');
  await page.getByLabel('Ingredient 2', { exact: true }).fill('3 eggs');
  await page.getByRole('button', { name: 'Save changes' }).click();
  // Back in the household's units, with the edited line's amount converted afresh.
  await expect(amounts).toHaveText(['180 g', '3', '200 g']);
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog).toContainText(`Delete “${title}”?`);
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete recipe' }).click();
  await expect(page.getByRole('heading', { name: 'Recipes', level: 1 })).toBeVisible();
  await expect(page.getByTestId('recipes-empty')).toHaveText('No recipes yet.');
});

test('a recipe dragged onto the plan stays there after a reload', async ({ page }) => {
  const home = await household();
  const pie = unique('Drag Pie');
  const soup = unique('Key Soup');
  await createRecipe(home.token, pie, ['500 g apples', '1 pie crust']);
  const soupId = await createRecipe(home.token, soup, ['1 l stock', '2 carrots']);
  for (let i = 0; i < 3; i++) await createRecipe(home.token, unique('Filler'), ['1 onion']);

  await signIn(page, home.owner);
  await page.goto(`/meals/plan?week=${WEEK}`);
  await expect(page.getByTestId('week-title')).toHaveText(/Mar.*3.*Mar.*9.*2031/);
  await expect(page.getByTestId('plan-empty')).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveText('Live');

  const wednesdayDinner = page.getByTestId('slot-2031-03-05-DINNER');
  await page.getByTestId('source-recipe').filter({ hasText: pie }).dragTo(wednesdayDinner);
  await expect(wednesdayDinner.getByTestId('entry')).toContainText(pie);
  await expect(wednesdayDinner.getByTestId('entry')).toContainText('4 servings');
  await expect(page.getByTestId('slot-2031-03-04-DINNER').getByTestId('entry')).toHaveCount(0);

  // Without a mouse: the slot's Add button and a dialog, which Escape closes, giving the focus back.
  const addFridayLunch = page.getByRole('button', { name: /^Add to Friday.* lunch$/ });
  await addFridayLunch.click();
  const dialog = page.getByTestId('add-dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(addFridayLunch).toBeFocused();
  await addFridayLunch.press('Enter');
  await dialog.getByLabel('Recipe').selectOption({ label: soup });
  await dialog.getByLabel('Servings').fill('2');
  await dialog.getByRole('button', { name: 'Add to plan' }).click();
  await expect(dialog).toBeHidden();
  const fridayLunch = page.getByTestId('slot-2031-03-07-LUNCH');
  await expect(fridayLunch.getByTestId('entry')).toContainText(soup);
  await expect(fridayLunch.getByTestId('entry')).toContainText('2 servings');

  // A change made elsewhere shows up live.
  await api(
    'mutation($input: MealPlanEntryInput!) { setMealPlanEntry(input: $input) { id } }',
    { input: { date: '2031-03-09', slot: 'BREAKFAST', recipeId: soupId, note: 'Leftovers' } },
    home.token,
  );
  await expect(page.getByTestId('slot-2031-03-09-BREAKFAST').getByTestId('entry')).toContainText('Leftovers');
  await screenshot(page, 'meal-plan');

  await page.reload();
  await expect(wednesdayDinner.getByTestId('entry')).toContainText(pie);
  await expect(fridayLunch.getByTestId('entry')).toContainText(soup);
  const { mealPlan } = await api<{
    mealPlan: { entries: { date: string; slot: string; recipe: { title: string } | null }[] };
  }>(
    'query($w: Date!) { mealPlan(weekStart: $w) { entries { date slot recipe { title } } } }',
    { w: WEEK },
    home.token,
  );
  expect(mealPlan.entries.find((e) => e.date === '2031-03-05' && e.slot === 'DINNER')?.recipe?.title).toBe(pie);

  // An entry dragged to another slot moves; removing one empties its slot.
  const thursdayDinner = page.getByTestId('slot-2031-03-06-DINNER');
  await wednesdayDinner.getByTestId('entry').dragTo(thursdayDinner);
  await expect(thursdayDinner.getByTestId('entry')).toContainText(pie);
  await expect(wednesdayDinner.getByTestId('entry')).toHaveCount(0);
  await fridayLunch.getByRole('button', { name: new RegExp(`^Remove ${soup} from Friday.* lunch$`) }).click();
  await expect(fridayLunch.getByTestId('entry')).toHaveCount(0);
  await page.reload();
  await expect(thursdayDinner.getByTestId('entry')).toContainText(pie);
  await expect(fridayLunch.getByTestId('entry')).toHaveCount(0);

  // Previous and next week.
  await page.getByRole('button', { name: 'Next week', exact: true }).click();
  await expect(page).toHaveURL(/week=2031-03-10/);
  await expect(page.getByTestId('plan-empty')).toBeVisible();
  await page.getByRole('button', { name: 'Previous week', exact: true }).click();
  await expect(thursdayDinner.getByTestId('entry')).toContainText(pie);
});

test('importing from a URL the server may not fetch shows a clear error; pasted page source imports', async ({
  page,
}) => {
  const home = await household();
  // One more than a page (24), newest first.
  const stew = unique('List Stew');
  await createRecipe(home.token, stew, ['1 kg beef', '2 onions']);
  for (let i = 0; i < 23; i++) await createRecipe(home.token, unique(`Paged ${i}`), ['1 onion']);
  await createRecipe(home.token, unique('List Salad'), ['1 head lettuce']);
  await signIn(page, home.owner);
  await page.getByRole('link', { name: 'Meals', exact: true }).click();
  await expect(page.getByRole('heading', { name: '25 recipes' })).toBeVisible();
  await expect(page.getByTestId('recipe-card')).toHaveCount(24);
  await expect(page.getByTestId('recipe-card').filter({ hasText: stew })).toHaveCount(0);
  await screenshot(page, 'recipes');
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(page.getByTestId('recipe-card')).toHaveCount(25);
  await expect(page.getByTestId('recipe-card').last()).toContainText(stew);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Import from URL' }).click();
  await page.getByLabel('Recipe page URL').fill('http://127.0.0.1:9/recipes/soup');
  await page.getByRole('button', { name: 'Preview recipe' }).click();
  // Refused at the field the page came from, with the reason.
  const url = page.getByLabel('Recipe page URL');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(url).toHaveAccessibleDescription('The URL points to a private, loopback or reserved address');
  await expect(url).toBeFocused();
  await expect(page.getByTestId('draft')).toHaveCount(0);

  // A page without recipe data.
  await page.getByLabel('Pasted page source').check();
  await page.getByLabel('Page source (HTML)').fill('<html><body><h1>Just a blog post</h1></body></html>');
  await page.getByRole('button', { name: 'Preview recipe' }).click();
  const source = page.getByLabel('Page source (HTML)');
  await expect(source).toHaveAttribute('aria-invalid', 'true');
  await expect(source).toHaveAccessibleDescription(/^The page has no schema.org Recipe data/);

  const title = unique('Imported Flatbread');
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Recipe',
    name: title,
    recipeYield: '6',
    prepTime: 'PT10M',
    cookTime: 'PT20M',
    recipeIngredient: ['2 cups flour', '1 tsp salt', '3/4 cup water'],
    recipeInstructions: [
      { '@type': 'HowToStep', text: 'Knead.' },
      { '@type': 'HowToStep', text: 'Bake.' },
    ],
    keywords: 'bread, quick',
  };
  await page
    .getByLabel('Page source (HTML)')
    .fill(`<html><head><script type="application/ld+json">${JSON.stringify(jsonLd)}</script></head></html>`);
  await page.getByRole('button', { name: 'Preview recipe' }).click();
  // Read into the recipe form to check; saved only when created from there.
  const draft = page.getByTestId('draft');
  await expect(draft.getByRole('heading', { name: `Check “${title}”` })).toBeVisible();
  await expect(draft.getByLabel('Servings')).toHaveValue('6');
  await expect(source).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('import-error')).toHaveCount(0);
  await draft.getByRole('button', { name: 'Create recipe' }).click();
  await expect(page.getByTestId('recipe-title')).toHaveText(title);
  // A metric household reads the cups converted (flour by weight); the line as written stays one click away.
  await expect(page.getByTestId('amount')).toHaveText(['240 g', '1 tsp', '180 ml']);
  await page.getByRole('radio', { name: 'As written' }).check();
  await expect(page.getByTestId('amount')).toHaveText(['2 cups', '1 tsp', '¾ cup']);
});

test('a viewer plans and shops with the household but sees no control the API would refuse', async ({ page }) => {
  const home = await household(1);
  const viewer = home.members[0]!;
  const stew = unique('Viewer Stew');
  const stewId = await createRecipe(home.token, stew, [
    '2 large onions',
    '3 onion',
    '33 tsp olive oil',
    '1 can chopped tomatoes',
    '1 1/2 cups flour',
  ]);

  await signIn(page, viewer);
  await page.goto('/meals/recipes');
  await expect(page.getByRole('heading', { name: 'Recipes', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: stew })).toBeVisible();
  await expect(page.getByRole('link', { name: /new recipe/i })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /import/i })).toHaveCount(0);
  await page.getByRole('link', { name: stew }).click();
  await expect(page.getByRole('heading', { name: stew, level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  // Typing the address says why instead of showing a form the API would refuse.
  await page.goto('/meals/recipes/new');
  await expect(page.getByText('Writing recipes needs the operator or admin role')).toBeVisible();
  await expect(page.getByRole('button', { name: /save/i })).toHaveCount(0);
  await page.goto(`/meals/recipes/${stewId}/edit`);
  await expect(page.getByText('Editing recipes needs the operator or admin role')).toBeVisible();

  // Planning is the household's: the viewer fills a slot without a mouse.
  await page.goto(`/meals/plan?week=${WEEK}`);
  await page.getByRole('button', { name: /^Add to Monday.* dinner$/ }).click();
  const dialog = page.getByTestId('add-dialog');
  await dialog.getByLabel('Recipe').selectOption({ label: stew });
  await dialog.getByRole('button', { name: 'Add to plan' }).click();
  await expect(page.getByTestId('slot-2031-03-03-DINNER').getByTestId('entry')).toContainText(stew);

  // And so is shopping: amounts merged and shown in sensible units, canned goods in the pantry.
  await page.goto(`/meals/shopping?week=${WEEK}`);
  await page.getByRole('button', { name: 'Generate list' }).click();
  const list = page.getByTestId('shopping-list');
  await expect(list.getByTestId('shopping-item')).toHaveCount(4);
  const aisle = (name: string) => list.locator('section.group').filter({ has: page.getByRole('heading', { name }) });
  await expect(aisle('Produce').getByTestId('shopping-item')).toHaveText([/^\s*5 onions/]);
  await expect(aisle('Pantry').getByTestId('shopping-item')).toHaveText([
    /^\s*1 can chopped tomatoes/,
    /^\s*180 g flour/,
    /^\s*160 ml olive oil/,
  ]);
  await screenshot(page, 'shopping-list-metric');
  await page.getByRole('radio', { name: /^US/ }).check();
  await expect(aisle('Pantry').getByTestId('shopping-item')).toHaveText([
    /^\s*1 can chopped tomatoes/,
    /^\s*6½ oz flour/,
    /^\s*⅔ cup olive oil/,
  ]);
  await page.reload();
  await expect(page.getByRole('radio', { name: /^US/ })).toBeChecked();
  await expect(list.getByText('⅔ cup olive oil')).toBeVisible();
  await list.getByRole('checkbox', { name: '5 onions' }).check();
  await expect(page.getByTestId('ticked-count')).toHaveText('1 of 4 ticked off');
});

test('a viewer in no household is told who can add them, with no form to create one', async ({ page }) => {
  await signIn(page, await createUser('VIEWER'));
  await page.getByRole('link', { name: 'Meals', exact: true }).click();
  const prompt = page.getByTestId('household-prompt');
  await expect(prompt).toContainText('Ask the owner of an existing household (or an admin) to add you');
  await expect(prompt.getByRole('button', { name: 'Create household' })).toHaveCount(0);
  await expect(prompt.getByLabel('Household name')).toHaveCount(0);
});

test("a recipe's picture from its own site shows on the list and the recipe page", async ({ page }) => {
  // A 1×1 PNG on a site of the test's own (loopback, which tests/run.ts allows for pictures).
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  );
  const site = http.createServer((_request, response) =>
    response.writeHead(200, { 'content-type': 'image/png' }).end(png),
  );
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  try {
    const home = await household();
    const title = unique('Pictured Soup');
    const { createRecipe: created } = await api<{ createRecipe: { id: string } }>(
      'mutation($input: RecipeInput!) { createRecipe(input: $input) { id } }',
      {
        input: {
          title,
          servings: 2,
          ingredients: [{ raw: '1 l stock' }],
          steps: ['Heat.'],
          imageUrl: `http://127.0.0.1:${(site.address() as AddressInfo).port}/soup.png`,
        },
      },
      home.token,
    );
    await signIn(page, home.owner);
    await page.goto('/meals/recipes');
    const card = page.getByTestId('recipe-card').filter({ hasText: title });
    await expect(card.getByTestId('recipe-image')).toHaveAttribute('src', /^\s*data:image\/png;base64,/);
    await page.goto(`/meals/recipes/${created.id}`);
    const picture = page.getByRole('img', { name: title });
    await expect(picture).toBeVisible();
    expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    // Not an open proxy: without the household member's token the route answers nothing.
    expect((await page.request.get(`/meals/recipes/${created.id}/image`)).status()).toBe(401);
  } finally {
    site.close();
  }
});
