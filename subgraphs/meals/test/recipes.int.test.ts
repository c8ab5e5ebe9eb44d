import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { codeOf, userPrincipal } from '@switchyard/testing';
import { BACKENDS, CREATE_RECIPE, householdOwner, recipeInput, startMeals, type Meals } from './support.ts';

const IMPORT = `mutation ($url: String, $html: String) {
  importRecipe(url: $url, html: $html) { id title servings prepMinutes cookMinutes totalMinutes sourceUrl imageUrl ingredients { quantity unit food note raw } steps { position text } }
}`;
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Serves the fixtures, plus a redirect, an endless redirect loop and an oversized page. */
async function fixtureServer(): Promise<{ base: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === '/moved') return void res.writeHead(302, { location: '/jsonld-graph.html' }).end();
    if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/huge') return void res.writeHead(200, { 'content-type': 'text/html' }).end('x'.repeat(2_000_000));
    let page: string;
    try {
      page = fixture(req.url!.slice(1));
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe.each(BACKENDS)('recipes (%s)', (backend) => {
  let meals: Meals;
  let owner: Awaited<ReturnType<typeof householdOwner>>;

  beforeAll(async () => {
    meals = await startMeals(backend);
    owner = await householdOwner(meals);
  });
  afterAll(() => meals?.stop());

  it('creates, lists with filters, scales, updates and deletes a recipe', async () => {
    const input = {
      ...recipeInput('Weeknight Bolognese', [
        '500 g beef mince',
        '1 1/2 cups passata',
        '2 cloves garlic',
        'salt to taste',
      ]),
      tags: ['Pasta', 'family'],
    };
    const created = (await meals.call(owner.principal, CREATE_RECIPE, { input })).data!.createRecipe;
    expect(created.ingredients[1]).toEqual({
      quantity: 1.5,
      unit: 'cup',
      food: 'passata',
      note: null,
      raw: '1 1/2 cups passata',
    });
    await meals.call(owner.principal, CREATE_RECIPE, {
      input: { ...recipeInput('Slow Stew', ['1 kg beef']), cookMinutes: 180 },
    });

    const list = (filter: object) =>
      meals.call(
        owner.principal,
        'query ($filter: RecipeFilter) { recipes(filter: $filter) { totalCount edges { node { title } } } }',
        { filter },
      );
    expect((await list({ tag: 'pasta' })).data!.recipes.edges.map((e: any) => e.node.title)).toEqual([
      'Weeknight Bolognese',
    ]);
    expect((await list({ search: 'GARLIC' })).data!.recipes.totalCount).toBe(1);
    expect((await list({ search: 'x'.repeat(900_000) })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.search',
    });
    expect((await list({ maxTotalMinutes: 60 })).data!.recipes.edges.map((e: any) => e.node.title)).toEqual([
      'Weeknight Bolognese',
    ]);

    const scaled = await meals.call(
      owner.principal,
      'query ($id: ID!) { recipe(id: $id) { scaled(servings: 6) { quantity unit food } } }',
      { id: created.id },
    );
    expect(scaled.data!.recipe.scaled).toEqual([
      { quantity: 750, unit: 'g', food: 'beef mince' },
      { quantity: 2.25, unit: 'cup', food: 'passata' },
      { quantity: 3, unit: 'clove', food: 'garlic' },
      { quantity: null, unit: null, food: 'salt' },
    ]);

    const updated = await meals.call(
      owner.principal,
      'mutation ($id: ID!, $input: RecipeInput!) { updateRecipe(id: $id, input: $input) { title ingredients { food } } }',
      {
        id: created.id,
        input: recipeInput('Bolognese', ['400 g pork mince']),
      },
    );
    expect(updated.data!.updateRecipe).toEqual({ title: 'Bolognese', ingredients: [{ food: 'pork mince' }] });
    expect(
      (await meals.call(owner.principal, 'mutation ($id: ID!) { deleteRecipe(id: $id) }', { id: created.id })).data!
        .deleteRecipe,
    ).toBe(created.id);
    expect(await meals.db.recipeIngredient.count({ where: { recipeId: created.id } })).toBe(0);
  });

  it("refuses meals features to a user in no household, and hides other households' recipes", async () => {
    const loner = userPrincipal('VIEWER');
    expect(codeOf(await meals.call(loner, '{ recipes { totalCount } }'))).toBe('FORBIDDEN');
    const other = await householdOwner(meals, 'Other');
    const theirs = (
      await meals.call(other.principal, CREATE_RECIPE, { input: recipeInput('Secret Sauce', ['1 tbsp soy sauce']) })
    ).data!.createRecipe;
    expect(
      codeOf(await meals.call(owner.principal, 'query ($id: ID!) { recipe(id: $id) { title } }', { id: theirs.id })),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(await meals.call(owner.principal, 'mutation ($id: ID!) { deleteRecipe(id: $id) }', { id: theirs.id })),
    ).toBe('NOT_FOUND');
    expect(codeOf(await meals.call(owner.principal, 'query { recipe(id: "not-a-uuid") { title } }'))).toBe('NOT_FOUND');
  });

  it('imports each fixture page given as html', async () => {
    const direct = (await meals.call(owner.principal, IMPORT, { html: fixture('jsonld-direct.html') })).data!
      .importRecipe;
    expect(direct).toMatchObject({
      title: 'Classic Pancakes',
      servings: 4,
      prepMinutes: 10,
      cookMinutes: 20,
      totalMinutes: 30,
    });
    expect(direct.ingredients[0]).toEqual({
      quantity: 1.5,
      unit: 'cup',
      food: 'all-purpose flour',
      note: null,
      raw: '1 1/2 cups all-purpose flour',
    });
    expect(direct.steps).toHaveLength(3);

    const graph = (await meals.call(owner.principal, IMPORT, { html: fixture('jsonld-graph.html') })).data!
      .importRecipe;
    expect(graph).toMatchObject({ title: 'Weeknight Chicken Curry', servings: 6, prepMinutes: 15, cookMinutes: 35 });
    expect(graph.ingredients.find((i: any) => i.food === 'chicken thighs')).toMatchObject({
      quantity: 800,
      unit: 'g',
      note: 'diced',
    });

    const sections = (await meals.call(owner.principal, IMPORT, { html: fixture('jsonld-sections.html') })).data!
      .importRecipe;
    expect(sections).toMatchObject({ title: 'Family Lasagne', servings: 8, prepMinutes: 30, cookMinutes: 60 });
    expect(sections.steps.map((s: any) => s.position)).toEqual([0, 1, 2, 3, 4]);

    const refused = await meals.call(owner.principal, IMPORT, { html: fixture('no-recipe.html') });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'html' });

    // Each import is recorded for the activity feed, with the recipe; a refused page records nothing.
    const imported = await meals.db.outboxEvent.findMany({
      where: { type: 'RecipeImported' },
      orderBy: { occurredAt: 'asc' },
    });
    expect(imported.map((e) => [e.aggregateId, (e.payload as { title: string }).title])).toEqual(
      [direct, graph, sections].map((recipe) => [recipe.id, recipe.title]),
    );
    expect(imported[0]).toMatchObject({ aggregateType: 'Recipe', actor: { kind: 'user', id: owner.principal.userId } });
    expect(codeOf(await meals.call(owner.principal, IMPORT, {}))).toBe('BAD_USER_INPUT');
  });

  it('refuses URLs in private ranges, other schemes, and loopback by default', async () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://localhost:1/',
      'http://[::1]/',
      'http://169.254.169.254/latest/meta-data/',
      'file:///etc/passwd',
      'ftp://example.com/x',
    ]) {
      const result = await meals.call(owner.principal, IMPORT, { url });
      expect([url, result.errors?.[0]?.extensions]).toEqual([
        url,
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'url' }),
      ]);
    }
  });

  describe('with RECIPE_IMPORT_ALLOW_PRIVATE=true', () => {
    let open: Meals;
    let pages: Awaited<ReturnType<typeof fixtureServer>>;
    let member: Awaited<ReturnType<typeof householdOwner>>;

    beforeAll(async () => {
      open = await startMeals(backend, { recipeImport: { timeoutMs: 2_000, maxBytes: 1_000_000, allowPrivate: true } });
      member = await householdOwner(open);
      pages = await fixtureServer();
    });
    afterAll(async () => {
      pages?.server.close();
      await open?.stop();
    });

    it('fetches a page, following a redirect, and records where it came from', async () => {
      const imported = (await open.call(member.principal, IMPORT, { url: `${pages.base}/moved` })).data!.importRecipe;
      expect(imported).toMatchObject({
        title: 'Weeknight Chicken Curry',
        sourceUrl: `${pages.base}/jsonld-graph.html`,
      });
      const soup = (await open.call(member.principal, IMPORT, { url: `${pages.base}/jsonld-array.html` })).data!
        .importRecipe;
      expect(soup).toMatchObject({
        title: 'Tomato & Basil Soup',
        servings: 2,
        steps: expect.arrayContaining([{ position: 2, text: 'Blend with the basil and season.' }]),
      });
    });

    it('gives up on redirect loops, oversized pages, missing pages and pages without a recipe', async () => {
      for (const path of ['/loop', '/huge', '/missing.html', '/no-recipe.html']) {
        const result = await open.call(member.principal, IMPORT, { url: `${pages.base}${path}` });
        expect([path, result.errors?.[0]?.extensions]).toEqual([
          path,
          expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'url' }),
        ]);
      }
    });
  });
});
