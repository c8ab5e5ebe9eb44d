import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { accessToken, api, createUser, screenshot, signIn, unique } from './support.ts';

// Recipe units (the household's system, a per-page switch, the preference on the household page) and
// import (a preview to edit before saving; several pages at once with a result per page). The pages
// are served by the test on `localhost`, which tests/run.ts lets meals fetch.

async function household() {
  const owner = await createUser('OPERATOR');
  const token = await accessToken(owner);
  await api('mutation($name: String!) { createHousehold(name: $name) { id } }', { name: unique('Household') }, token);
  return { owner, token };
}

const recipePage = (recipe: object) =>
  `<html><head><script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'Recipe',
    ...recipe,
  })}</script></head><body></body></html>`;

test('recipe amounts follow the household units, and a page can show the other system', async ({ page }) => {
  const home = await household();
  const title = unique('Units Bread');
  const { createRecipe } = await api<{ createRecipe: { id: string } }>(
    'mutation($input: RecipeInput!) { createRecipe(input: $input) { id } }',
    {
      input: {
        title,
        servings: 4,
        ingredients: ['2 cups flour', '1 lb beef mince', '1 tsp salt', '3 eggs'].map((raw) => ({ raw })),
        steps: ['Bake.'],
      },
    },
    home.token,
  );
  await signIn(page, home.owner);
  await page.goto(`/meals/recipes/${createRecipe.id}`);
  const amounts = page.getByTestId('amount');
  await expect(page.getByRole('radio', { name: 'Metric (household)' })).toBeChecked();
  await expect(amounts).toHaveText(['240 g', '450 g', '1 tsp', '3']);
  // For this page only: the household keeps its preference.
  await page.getByRole('radio', { name: 'US', exact: true }).check();
  await expect(amounts).toHaveText(['2 cups', '1 lb', '1 tsp', '3']);
  await expect(page.getByRole('status').filter({ hasText: 'Shown for you only' })).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Servings' }).fill('8');
  await expect(amounts).toHaveText(['4 cups', '2 lb', '2 tsp', '6']);
  await screenshot(page, 'recipe-units');

  // The preference lives on the household page, for every member.
  await page.goto('/meals/household');
  const units = page.getByRole('group', { name: 'Show amounts in' });
  await expect(units.getByRole('radio', { name: /^Metric/ })).toBeChecked();
  await units.getByRole('radio', { name: /^US/ }).check();
  await expect(page.getByText('Amounts now read in US units.')).toBeVisible();
  await page.goto(`/meals/recipes/${createRecipe.id}`);
  await expect(page.getByRole('radio', { name: 'US (household)' })).toBeChecked();
  await expect(amounts).toHaveText(['2 cups', '1 lb', '1 tsp', '3']);
  await page.getByRole('radio', { name: 'Metric', exact: true }).check();
  await expect(amounts).toHaveText(['240 g', '450 g', '1 tsp', '3']);
});

test('an imported page is previewed and edited before saving; several pages import at once', async ({ page }) => {
  const flatbread = unique('Preview Flatbread');
  const soup = unique('Batch Soup');
  const site = http.createServer((request, response) => {
    const pages: Record<string, string> = {
      // No yield: the preview says 4 servings were assumed.
      '/flatbread': recipePage({
        name: flatbread,
        recipeIngredient: ['2 cups flour', '1 tsp salt'],
        recipeInstructions: 'Knead.\nBake.',
      }),
      '/soup': recipePage({
        name: soup,
        recipeYield: '2',
        recipeIngredient: ['1 l stock'],
        recipeInstructions: 'Heat.',
      }),
      '/blog': '<html><body><h1>Just a blog post</h1></body></html>',
    };
    const body = pages[request.url ?? ''];
    if (body) response.writeHead(200, { 'content-type': 'text/html' }).end(body);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const base = `http://localhost:${(site.address() as AddressInfo).port}`;
  try {
    const home = await household();
    await signIn(page, home.owner);
    await page.goto('/meals/recipes/import');

    await page.getByLabel('Recipe page URL').fill(`${base}/flatbread`);
    await page.getByRole('button', { name: 'Preview recipe' }).click();
    const draft = page.getByTestId('draft');
    await expect(draft.getByRole('heading', { name: `Check “${flatbread}”` })).toBeFocused();
    await expect(draft.getByTestId('import-warnings')).toContainText('does not say how many it serves; 4 assumed');
    await expect(draft.getByLabel('Title')).toHaveValue(flatbread);
    await expect(draft.getByLabel('Ingredient 1', { exact: true })).toHaveValue('2 cups flour');
    await draft.getByLabel('Servings').fill('6');
    await draft.getByLabel('Title').fill(`${flatbread} (edited)`);
    await screenshot(page, 'recipe-import-preview');
    await draft.getByRole('button', { name: 'Create recipe' }).click();
    await expect(page.getByTestId('recipe-title')).toHaveText(`${flatbread} (edited)`);
    await expect(page.getByTestId('recipe-servings')).toHaveText('6');
    await expect(page.getByRole('link', { name: 'localhost' })).toHaveAttribute('href', `${base}/flatbread`);

    await page.goto('/meals/recipes/import');
    const urls = page.getByLabel('Page addresses');
    await urls.fill(`${base}/soup\n\n${base}/blog\n${base}/soup`);
    await page.getByRole('button', { name: 'Import 3 recipes' }).click();
    // A repeated address is refused before anything is fetched, naming its line.
    await expect(urls).toHaveAccessibleDescription(/^Line 4: repeats URL 1 /);
    await expect(urls).toBeFocused();
    await urls.fill(`${base}/soup\n${base}/blog`);
    await page.getByRole('button', { name: 'Import 2 recipes' }).click();
    await expect(page.getByTestId('import-summary')).toHaveText('1 of 2 imported.');
    const results = page.getByTestId('import-result');
    await expect(results).toHaveCount(2);
    await expect(results.nth(0)).toContainText(`${base}/soup`);
    await expect(results.nth(0)).toContainText('Imported');
    await expect(results.nth(1)).toContainText('Failed');
    await expect(results.nth(1)).toContainText('no schema.org Recipe data');
    await screenshot(page, 'recipe-import-several');
    await results.nth(0).getByRole('link', { name: soup }).click();
    await expect(page.getByTestId('recipe-title')).toHaveText(soup);
  } finally {
    site.close();
  }
});
