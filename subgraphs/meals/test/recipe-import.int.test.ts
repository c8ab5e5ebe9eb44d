import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { codeOf, userPrincipal } from '@switchyard/testing';
import { BACKENDS, householdOwner, startMeals, type Meals } from './support.ts';

const PREVIEW = `mutation ($url: String, $html: String) {
  previewRecipeImport(url: $url, html: $html) {
    title description servings prepMinutes cookMinutes steps tags sourceUrl imageUrl
    ingredients { quantity unit food note position raw display(units: US) { text converted } }
    nutrition { calories }
    warnings { code field message }
  }
}`;
const IMPORT_MANY = `mutation ($urls: [String!]!, $key: String) {
  importRecipes(urls: $urls, idempotencyKey: $key) { url recipe { id title sourceUrl } error { code message } }
}`;
const CREATE = `mutation ($input: RecipeInput!) { createRecipe(input: $input) { id title sourceUrl servings ingredients { raw } } }`;
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const page = (recipe: object) => `<script type="application/ld+json">${JSON.stringify(recipe)}</script>`;

/**
 * Serves the fixtures; `/slow/<name>` answers after 150 ms, to see how many pages are fetched at
 * once; `/flaky/<name>` is missing the first time it is asked for.
 */
async function fixtureServer(): Promise<{ base: string; server: Server; peak: () => number }> {
  let open = 0;
  let peak = 0;
  const asked = new Set<string>();
  const server = createServer((req, res) => {
    const slow = req.url!.startsWith('/slow/');
    if (req.url!.startsWith('/flaky/') && !asked.has(req.url!)) {
      asked.add(req.url!);
      return void res.writeHead(404).end();
    }
    const name = req.url!.replace(/^\/((slow|flaky)\/)?/, '').replace(/\?.*$/, '');
    let body: string;
    try {
      body = fixture(name);
    } catch {
      return void res.writeHead(404).end();
    }
    open++;
    peak = Math.max(peak, open);
    setTimeout(
      () => {
        open--;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      },
      slow ? 150 : 0,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, peak: () => peak };
}

describe.each(BACKENDS)('recipe import preview and several URLs (%s)', (backend) => {
  let meals: Meals;
  let owner: Awaited<ReturnType<typeof householdOwner>>;
  let pages: Awaited<ReturnType<typeof fixtureServer>>;

  beforeAll(async () => {
    meals = await startMeals(backend, { recipeImport: { timeoutMs: 2_000, maxBytes: 1_000_000, allowPrivate: true } });
    owner = await householdOwner(meals);
    pages = await fixtureServer();
  });
  afterAll(async () => {
    pages?.server.close();
    await meals?.stop();
  });

  const recipeCount = () => meals.db.recipe.count({ where: { householdId: owner.householdId } });

  it('previews a fetched page without saving anything; the draft saves unchanged with createRecipe', async () => {
    const before = await recipeCount();
    const result = await meals.call(owner.principal, PREVIEW, { url: `${pages.base}/jsonld-array.html` });
    const draft = result.data!.previewRecipeImport;
    expect(draft).toMatchObject({
      title: 'Tomato & Basil Soup',
      servings: 2,
      prepMinutes: 5,
      cookMinutes: 25,
      tags: ['soup', 'vegetarian'],
      sourceUrl: `${pages.base}/jsonld-array.html`,
      imageUrl: 'https://soup.example.com/soup.jpg',
      warnings: [],
    });
    expect(draft.ingredients[3]).toEqual({
      quantity: 400,
      unit: 'g',
      food: 'tomatoes',
      note: null,
      position: 3,
      raw: '400 g tomatoes',
      display: { text: '14 oz', converted: true },
    });
    expect(await recipeCount()).toBe(before);
    expect(await meals.db.outboxEvent.count({ where: { aggregateType: 'Recipe' } })).toBe(0);

    const { warnings: _warnings, nutrition: _nutrition, ...fields } = draft;
    const saved = await meals.call(owner.principal, CREATE, {
      input: { ...fields, ingredients: draft.ingredients.map((i: { raw: string }) => ({ raw: i.raw })) },
    });
    expect(saved.data!.createRecipe).toMatchObject({
      title: 'Tomato & Basil Soup',
      sourceUrl: fields.sourceUrl,
      servings: 2,
    });
    expect(saved.data!.createRecipe.ingredients).toHaveLength(7);
  });

  it('previews pasted html and warns about what it assumed or cut', async () => {
    const html = page({
      '@type': 'Recipe',
      name: 'N'.repeat(230),
      recipeIngredient: ['2 cups flour'],
      recipeInstructions: [],
      image: 'data:image/png;base64,AAAA',
    });
    const draft = (await meals.call(owner.principal, PREVIEW, { html })).data!.previewRecipeImport;
    expect(draft.title).toHaveLength(200);
    expect(draft).toMatchObject({ servings: 4, imageUrl: null, sourceUrl: null });
    expect(draft.warnings.map((w: { code: string; field: string }) => [w.code, w.field])).toEqual([
      ['SHORTENED', 'title'],
      ['SERVINGS_ASSUMED', 'servings'],
      ['NO_STEPS', 'steps'],
      ['NOT_AN_HTTP_URL', 'imageUrl'],
    ]);
  });

  it('refuses a preview with BAD_USER_INPUT on the field: neither or both sources, no recipe, a private address by default', async () => {
    const cases: [Record<string, string | null>, string][] = [
      [{ url: null, html: null }, 'url'],
      [{ url: `${pages.base}/jsonld-array.html`, html: '<p>x</p>' }, 'url'],
      [{ url: `${pages.base}/no-recipe.html` }, 'url'],
      [{ url: `${pages.base}/missing.html` }, 'url'],
      [{ html: '<html><body>No recipe here</body></html>' }, 'html'],
      [{ url: 'ftp://example.com/x' }, 'url'],
    ];
    for (const [variables, field] of cases) {
      const result = await meals.call(owner.principal, PREVIEW, variables);
      expect([variables, result.errors?.[0]?.extensions]).toEqual([
        variables,
        expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      ]);
    }
    const closed = await startMeals(backend);
    try {
      const member = await householdOwner(closed);
      const result = await closed.call(member.principal, PREVIEW, { url: `${pages.base}/jsonld-array.html` });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    } finally {
      await closed.stop();
    }
  });

  it('fetches from the private targets RECIPE_IMPORT_ALLOWED_PRIVATE_TARGETS names, and no other', async () => {
    const port = new URL(pages.base).port;
    const lan = await startMeals(backend, {
      recipeImport: {
        timeoutMs: 2_000,
        maxBytes: 1_000_000,
        allowPrivate: false,
        allowedPrivateTargets: ['localhost'],
      },
    });
    try {
      const member = await householdOwner(lan);
      const results = (
        await lan.call(member.principal, IMPORT_MANY, {
          urls: [`http://localhost:${port}/jsonld-direct.html`, `http://127.0.0.1:${port}/jsonld-direct.html`],
        })
      ).data!.importRecipes;
      expect(
        results.map((r: { recipe: unknown; error: { code: string } | null }) => [!!r.recipe, r.error?.code]),
      ).toEqual([
        [true, undefined],
        [false, 'BAD_USER_INPUT'],
      ]);
    } finally {
      await lan.stop();
    }
  });

  it('imports several URLs, each on its own: a failing one has its error and the others are saved, in order', async () => {
    const urls = [
      `${pages.base}/jsonld-direct.html`,
      `${pages.base}/no-recipe.html`,
      `${pages.base}/jsonld-graph.html`,
      'http://example.invalid:99999/',
      `${pages.base}/missing.html`,
    ];
    const before = await recipeCount();
    const results = (await meals.call(owner.principal, IMPORT_MANY, { urls })).data!.importRecipes;
    expect(results.map((r: { url: string }) => r.url)).toEqual(urls);
    expect(results[0]).toMatchObject({ recipe: { sourceUrl: urls[0] }, error: null });
    expect(results[2]).toMatchObject({ recipe: { title: 'Weeknight Chicken Curry' }, error: null });
    for (const index of [1, 3, 4])
      expect([index, results[index]]).toEqual([
        index,
        { url: urls[index], recipe: null, error: { code: 'BAD_USER_INPUT', message: expect.any(String) } },
      ]);
    expect(results[1].error.message).toMatch(/no schema.org Recipe/);
    expect(await recipeCount()).toBe(before + 2);
    // Each saved recipe is an import for the activity feed, like importRecipe's.
    const events = await meals.db.outboxEvent.findMany({ where: { type: 'RecipeImported' } });
    expect(events.map((e) => e.aggregateId).sort()).toEqual([results[0].recipe.id, results[2].recipe.id].sort());
  });

  it('with an idempotency key, a repeat answers the recipes already saved and retries only the URLs that failed', async () => {
    const urls = [`${pages.base}/jsonld-direct.html?key=1`, `${pages.base}/flaky/jsonld-graph.html`];
    const before = await recipeCount();
    const first = (await meals.call(owner.principal, IMPORT_MANY, { urls, key: 'batch-1' })).data!.importRecipes;
    expect(first[0].recipe).not.toBeNull();
    expect(first[1]).toMatchObject({ recipe: null, error: { code: 'BAD_USER_INPUT' } });

    const repeat = (await meals.call(owner.principal, IMPORT_MANY, { urls, key: 'batch-1' })).data!.importRecipes;
    expect(repeat[0]).toEqual(first[0]);
    expect(repeat[1]).toMatchObject({ recipe: { title: 'Weeknight Chicken Curry' }, error: null });
    expect(await recipeCount()).toBe(before + 2);

    const third = (await meals.call(owner.principal, IMPORT_MANY, { urls, key: 'batch-1' })).data!.importRecipes;
    expect(third.map((r: { recipe: { id: string } }) => r.recipe.id)).toEqual(
      repeat.map((r: { recipe: { id: string } }) => r.recipe.id),
    );
    const other = (await meals.call(owner.principal, IMPORT_MANY, { urls: [urls[0]], key: 'batch-1' })).data!
      .importRecipes;
    expect(other[0]).toMatchObject({ recipe: null, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await recipeCount()).toBe(before + 2);
    expect(codeOf(await meals.call(owner.principal, IMPORT_MANY, { urls, key: 'not a key' }))).toBe('BAD_USER_INPUT');
  });

  it('fetches a few pages at a time, not all 20 at once', async () => {
    const urls = Array.from({ length: 12 }, (_, i) => `${pages.base}/slow/jsonld-direct.html?copy=${i}`);
    const results = (await meals.call(owner.principal, IMPORT_MANY, { urls })).data!.importRecipes;
    expect(results.filter((r: { recipe: unknown }) => r.recipe)).toHaveLength(12);
    expect(pages.peak()).toBeGreaterThan(1);
    expect(pages.peak()).toBeLessThanOrEqual(4);
  });

  it('refuses an empty list, more than 20 URLs, an empty URL and a repeated one, saving nothing', async () => {
    const before = await recipeCount();
    const a = `${pages.base}/jsonld-direct.html`;
    const cases: [string[], string][] = [
      [[], 'urls'],
      [Array.from({ length: 21 }, (_, i) => `${a}?n=${i}`), 'urls'],
      [[a, '  '], 'urls.1'],
      [[a, `${pages.base}/jsonld-graph.html`, a.replace('http://', 'HTTP://')], 'urls.2'],
    ];
    for (const [urls, field] of cases) {
      const result = await meals.call(owner.principal, IMPORT_MANY, { urls });
      expect([field, result.errors?.[0]?.extensions]).toEqual([
        field,
        expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      ]);
    }
    expect(await recipeCount()).toBe(before);
  });

  it('takes an operator in a household, like importRecipe', async () => {
    const viewer = userPrincipal('VIEWER');
    await meals.call(
      owner.principal,
      'mutation ($h: ID!, $u: ID!) { addHouseholdMember(householdId: $h, userId: $u) { id } }',
      { h: owner.householdId, u: viewer.userId },
    );
    const html = fixture('jsonld-direct.html');
    expect(codeOf(await meals.call(viewer, PREVIEW, { html }))).toBe('FORBIDDEN');
    expect(codeOf(await meals.call(viewer, IMPORT_MANY, { urls: [`${pages.base}/jsonld-direct.html`] }))).toBe(
      'FORBIDDEN',
    );
    const loner = userPrincipal('OPERATOR');
    expect(codeOf(await meals.call(loner, PREVIEW, { html }))).toBe('FORBIDDEN');
    expect(codeOf(await meals.call(loner, IMPORT_MANY, { urls: [`${pages.base}/jsonld-direct.html`] }))).toBe(
      'FORBIDDEN',
    );
  });
});
