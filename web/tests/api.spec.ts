// The API explorer (/api), reference (/api/reference) and event catalogue (/api/events): GraphiQL
// runs with the session or a pasted API key, everything it loads comes from this origin, and the
// reference lists every root field with the access its subgraph declares.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import { adminToken, api, createStore, createUser, screenshot, signIn, unique } from './support.ts';

const SUBGRAPHS = ['identity', 'stores', 'hardware', 'meals', 'observability'];

/**
 * Every URL the page asks for, websockets included (data: and blob: URLs never leave the browser),
 * and what the Content-Security-Policy refused, which the browser reports on the console.
 */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  page.on('websocket', (socket) => urls.push(socket.url()));
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) urls.push(`csp-violation:${message.text()}`);
  });
  return urls;
}

function expectSameOrigin(urls: string[]) {
  expect(
    urls.filter((url) => url.startsWith('csp-violation:')),
    'refused by the CSP',
  ).toEqual([]);
  const origin = new URL(process.env.WEB_URL!);
  const away = urls.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'csp-violation:') return false;
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
    return parsed.host !== origin.host;
  });
  expect(away, 'requests that left the origin').toEqual([]);
  expect(urls.length).toBeGreaterThan(0);
}

/** Replaces the text of a GraphiQL editor (Monaco) by pasting into it. */
async function setEditor(page: Page, editor: string, text: string) {
  const lines = page.locator(`${editor} .monaco-editor .view-lines`);
  await lines.click();
  await expect(page.locator(`${editor} .monaco-editor.focused`)).toBeVisible();
  await page.keyboard.press('ControlOrMeta+A');
  // Typed text would get Monaco's closing brackets added; a paste event carries the text as is.
  await page.locator(`${editor} .monaco-editor textarea`).evaluate((textarea, pasted) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', pasted);
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, text);
}

async function run(page: Page) {
  await page.getByRole('button', { name: /Execute query/ }).click();
}

const response = (page: Page) => page.locator('.graphiql-response');

test('the explorer runs { me { email } } with the session, and nothing leaves the origin', async ({ page }) => {
  const user = await createUser('VIEWER');
  const urls = recordRequests(page);
  await signIn(page, user);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'API explorer' }).click();
  await expect(page).toHaveURL(/\/api$/);
  await expect(page.getByTestId('api-session')).toContainText(user.displayName);
  await expect(page.locator('.graphiql-query-editor')).toContainText('me');
  await run(page);
  await expect(response(page)).toContainText(user.email);
  await screenshot(page, 'api-explorer');
  expectSameOrigin(urls);
});

test('an integrator without an account pastes an API key header; without one the answer is UNAUTHENTICATED', async ({
  browser,
}) => {
  const name = unique('Explorer key');
  const { createApiKey } = await api<{ createApiKey: { secret: string } }>(
    'mutation($name: String!) { createApiKey(name: $name, scopes: ["stores:read"]) { secret } }',
    { name },
    await adminToken(),
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  const urls = recordRequests(page);
  await page.goto('/login');
  await page.getByRole('link', { name: 'API explorer' }).click();
  await expect(page.getByText('Not signed in')).toBeVisible();
  await expect(page.locator('.graphiql-query-editor')).toContainText('me');
  await setEditor(page, '.graphiql-query-editor', '{ stores(first: 1) { totalCount } }');

  await run(page);
  await expect(response(page)).toContainText('UNAUTHENTICATED');

  await page.getByRole('button', { name: 'Headers' }).click();
  await setEditor(page, '.graphiql-editor-tool .graphiql-editor:visible', `{"x-api-key": "${createApiKey.secret}"}`);
  await expect(page.locator('.graphiql-editor-tool')).toContainText('x-api-key');
  await run(page);
  await expect(response(page)).toContainText('totalCount');
  await expect(response(page)).not.toContainText('UNAUTHENTICATED');

  // A subscription runs over graphql-ws on this origin, with the pasted key as its credential.
  await setEditor(page, '.graphiql-query-editor', 'subscription { storeChanged { kind storeId } }');
  await run(page);
  await expect(page.getByRole('button', { name: /Stop/ })).toBeVisible();
  const store = await createStore();
  await expect(response(page)).toContainText(store.id);
  expect(urls.some((url) => url.startsWith('ws') && new URL(url).pathname === '/graphql')).toBe(true);
  expectSameOrigin(urls);
  await context.close();
});

/** What each subgraph's schema.graphql says of its root fields: "Public" or the least role. */
function declaredAccess(): Map<string, string> {
  const access = new Map<string, string>();
  for (const subgraph of SUBGRAPHS) {
    const sdl = readFileSync(new URL(`../../subgraphs/${subgraph}/schema.graphql`, import.meta.url), 'utf8');
    for (const definition of parse(sdl).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      if (!['Query', 'Mutation', 'Subscription'].includes(definition.name.value)) continue;
      for (const field of definition.fields ?? [])
        access.set(`${definition.name.value}.${field.name.value}`, roleOf(field.directives ?? []));
    }
  }
  return access;
}

function roleOf(directives: readonly ConstDirectiveNode[]): string {
  const authz = directives.find(({ name }) => name.value === 'authz');
  const role = authz?.arguments?.find(({ name }) => name.value === 'role')?.value;
  if (role?.kind === Kind.STRING) return role.value;
  if (directives.some(({ name }) => name.value === 'public')) return 'Public';
  throw new Error('a root field without @authz or @public');
}

test('the reference lists every root field with the role it needs, and the catalogue every subscription', async ({
  page,
}) => {
  const urls = recordRequests(page);
  await page.goto('/api/reference');
  const rows = page.getByTestId('operation');
  const declared = declaredAccess();
  await expect(rows).toHaveCount(declared.size);
  // Read in one go: a round trip per row of a few hundred took most of a minute on a busy machine.
  const shown = await rows.evaluateAll((elements) =>
    elements.map((row) => [
      row.id.replace('-', '.'),
      (row.querySelector('[data-testid="operation-access"]')?.textContent ?? '').split(' · ')[0]!.trim(),
    ]),
  );
  expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(declared));

  // Links between types, and the filter.
  await page.getByRole('row').filter({ hasText: 'storeByCode' }).getByRole('link', { name: 'Store' }).click();
  await expect(page).toHaveURL(/#type-Store$/);
  await expect(page.locator('#type-Store')).toBeInViewport();
  await page.getByLabel('Filter').fill('storeByCode');
  await expect(rows).toHaveCount(1);
  await screenshot(page, 'api-reference');

  await page.getByRole('link', { name: 'Events' }).click();
  const subscriptions = [...declared.keys()].filter((key) => key.startsWith('Subscription.'));
  await expect(page.getByTestId('event')).toHaveCount(subscriptions.length);
  const storeChanged = page.locator('#subscription-storeChanged');
  const example = JSON.parse((await storeChanged.getByTestId('event-example').textContent())!) as {
    data: { storeChanged: { __typename: string } };
  };
  expect(example.data.storeChanged.__typename).toBe('StoreEvent');
  expectSameOrigin(urls);
});
