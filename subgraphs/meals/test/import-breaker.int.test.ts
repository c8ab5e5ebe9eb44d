import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { codeOf, eventually } from '@switchyard/testing';
import { BACKENDS, householdOwner, startMeals, type Meals } from './support.ts';

const IMPORT = 'mutation ($url: String) { importRecipe(url: $url) { id title } }';
const RECIPE_PAGE = `<html><head><script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'Recipe',
  name: 'Breaker Bread',
  recipeIngredient: ['500 g flour'],
  recipeInstructions: ['Bake it.'],
})}</script></head></html>`;

/** A recipe site whose /recipe is a good page, /missing a 404, /plain a page without a recipe; `down` makes every answer a 503. */
async function recipeSite() {
  const state = { down: false, requests: 0 };
  const server = createServer((req, res) => {
    state.requests += 1;
    if (state.down) return void res.writeHead(503).end('maintenance');
    if (req.url === '/recipe') return void res.writeHead(200, { 'content-type': 'text/html' }).end(RECIPE_PAGE);
    if (req.url === '/plain')
      return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>No recipe here</body></html>');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    state,
    host,
    base: `http://${host}`,
    close: () => new Promise<void>((resolve) => (server as Server).close(() => resolve())),
  };
}

describe.each(BACKENDS)('recipe import circuit breaker (%s)', (backend) => {
  let meals: Meals;
  let owner: Awaited<ReturnType<typeof householdOwner>>;
  let site: Awaited<ReturnType<typeof recipeSite>>;
  let other: Awaited<ReturnType<typeof recipeSite>>;

  beforeAll(async () => {
    meals = await startMeals(backend, {
      recipeImport: { timeoutMs: 2_000, maxBytes: 1_000_000, allowPrivate: true },
      breakers: { failures: 2, halfOpenAfterMs: 60_000 },
    });
    owner = await householdOwner(meals);
    [site, other] = await Promise.all([recipeSite(), recipeSite()]);
  });
  afterAll(async () => {
    await Promise.all([site?.close(), other?.close()]);
    await meals?.stop();
  });

  const importFrom = (url: string) => meals.call(owner.principal, IMPORT, { url });

  it('does not count missing pages or pages without a recipe, opens on a failing site, then refuses it fast with SERVICE_UNAVAILABLE', async () => {
    for (const path of ['/missing', '/plain', '/missing', '/plain'])
      expect(codeOf(await importFrom(`${site.base}${path}`))).toBe('BAD_USER_INPUT');
    expect((await importFrom(`${site.base}/recipe`)).data?.importRecipe.title).toBe('Breaker Bread');

    site.state.down = true;
    for (let i = 0; i < 2; i++) expect(codeOf(await importFrom(`${site.base}/recipe`))).toBe('BAD_USER_INPUT');
    const requests = site.state.requests;
    site.state.down = false;
    const refused = await importFrom(`${site.base}/recipe`);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: expect.any(Number),
    });
    expect(refused.errors?.[0]?.message).toMatch(
      new RegExp(`^The site ${site.host} keeps failing; it will be tried again at `),
    );
    expect(site.state.requests).toBe(requests);
    // Another site has its own breaker.
    expect((await importFrom(`${other.base}/recipe`)).data?.importRecipe.title).toBe('Breaker Bread');

    const recorded = await eventually(async () => {
      const events = await meals.db.outboxEvent.findMany({ where: { type: 'CircuitBreakerStateChanged' } });
      return events.length > 0 ? events : null;
    });
    expect(recorded.map((e) => [e.aggregateType, e.aggregateId, e.payload])).toEqual([
      [
        'CircuitBreaker',
        `meals:recipe-import:${site.host}`,
        {
          service: 'meals',
          name: `recipe-import:${site.host}`,
          state: 'OPEN',
          failures: 2,
          changedAt: expect.any(String),
        },
      ],
    ]);
  });
});
