// Settings → Webhooks: operators register endpoints on a real receiver (listening on loopback, which
// tests/run.ts allows with WEBHOOK_ALLOWED_PRIVATE_TARGETS), see the signing secret once, ping, read
// the delivery log, redeliver; admins see everyone's; viewers see nothing. Every request the
// receiver gets is verified with the official `standardwebhooks` library.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { eventually, listen } from '@switchyard/testing';
import { accessToken, admin, api, createStore, createUser, screenshot, signIn, unique } from './support.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver answering `answer` (changeable mid-test), keeping every request. */
async function startReceiver() {
  const received: Received[] = [];
  const answer = { status: 200, body: 'ok' };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
    });
  });
  const url = `${await listen(server)}/hooks/${Math.random().toString(36).slice(2, 8)}`;
  return {
    url,
    received,
    answer,
    /** The requests of one envelope type, each verified with `secret` (throws on a bad signature). */
    verified(secret: string, type: string) {
      return received
        .map((request) => ({
          ...request,
          envelope: new Webhook(secret).verify(request.body, {
            'webhook-id': String(request.headers['webhook-id']),
            'webhook-timestamp': String(request.headers['webhook-timestamp']),
            'webhook-signature': String(request.headers['webhook-signature']),
          }) as { id: string; type: string; data: Record<string, unknown> },
        }))
        .filter(({ envelope }) => envelope.type === type);
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function openWebhooks(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { name: 'Endpoints' })).toBeVisible();
}

/** Registers an endpoint through the form; answers its secret as the page showed it. */
async function createEndpoint(page: Page, url: string, description: string, types: string[]): Promise<string> {
  const form = page.getByTestId('endpoint-form');
  await form.getByLabel('URL').fill(url);
  await form.getByLabel('Description').fill(description);
  for (const type of types) await form.getByRole('checkbox', { name: type, exact: false }).check();
  await form.getByRole('button', { name: 'Create endpoint' }).click();
  const notice = page.getByTestId('webhook-secret');
  await expect(notice).toContainText('you will not see it again');
  const secret = await notice.getByLabel('Signing secret').inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);
  return secret;
}

/** The delivery log's entry of one event type (the newest), once it has that status. */
async function deliveryOf(page: Page, type: string, status: string) {
  const item = page.locator(`[data-testid="delivery"][data-type="${type}"]`).first();
  await expect(item.getByTestId('delivery-status')).toHaveAttribute('data-state', status, { timeout: 20_000 });
  return item;
}

async function noSidewaysScroll(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${name} scrolls sideways at 390 px`,
  ).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('webhooks: an operator registers an endpoint, sees the secret once, pings it and reads the signed deliveries in the log', async ({
  page,
}) => {
  const receiver = await startReceiver();
  try {
    const operator = await createUser('OPERATOR');
    await signIn(page, operator);
    await openWebhooks(page);
    // User and security events are for admins only: an operator is not offered them.
    const form = page.getByTestId('endpoint-form');
    await expect(form.getByRole('checkbox', { name: /store\.created/ })).toBeVisible();
    await expect(form.getByRole('checkbox', { name: /user\.changed/ })).toHaveCount(0);
    await expect(form.getByRole('checkbox', { name: /webhook\.ping/ })).toHaveCount(0);

    const description = unique('Inventory sync');
    const secret = await createEndpoint(page, receiver.url, description, ['store.created']);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('webhook-secret').getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Signing secret copied.' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByTestId('webhook-secret')).toHaveCount(0);
    const row = page.getByRole('row').filter({ hasText: receiver.url });
    await expect(row).toContainText(description);
    await expect(row).toContainText('store.created');
    await expect(row.getByTestId('endpoint-status')).toHaveAttribute('data-state', 'ACTIVE');
    await screenshot(page, 'settings-webhooks');
    await noSidewaysScroll(page, 'settings-webhooks');
    // Shown once: after a reload the secret is nowhere on the page.
    await page.reload();
    await expect(row).toBeVisible();
    expect(await page.content()).not.toContain(secret);

    await row.getByRole('link', { name: receiver.url }).click();
    await expect(page.getByTestId('endpoint')).toContainText(description);
    await expect(page.getByTestId('deliveries-empty')).toBeVisible();
    await page.getByRole('button', { name: 'Send test ping' }).click();

    // The receiver gets the ping once, signed with the secret the page showed.
    const [ping] = await eventually(async () => {
      const pings = receiver.verified(secret, 'webhook.ping');
      return pings.length > 0 && pings;
    });
    expect(receiver.verified(secret, 'webhook.ping')).toHaveLength(1);
    const pingItem = await deliveryOf(page, 'webhook.ping', 'DELIVERED');
    await expect(pingItem).toHaveAttribute('data-delivery', String(ping!.headers['webhook-id']));
    await expect(pingItem.getByTestId('delivery-attempts')).toHaveText('1');
    await expect(pingItem.getByTestId('delivery-http-status')).toHaveText('200');
    await pingItem.getByRole('button', { name: /^Details/ }).click();
    await expect(pingItem.getByTestId('attempt')).toHaveCount(1);
    await expect(pingItem.getByTestId('attempt-http-status')).toHaveText('200');
    await expect(pingItem.getByTestId('attempt-response')).toHaveText('ok');
    await expect(pingItem.getByTestId('delivery-payload')).toContainText('"type": "webhook.ping"');

    // A store created through the API is a delivery owed to the endpoint: it arrives and is logged.
    const store = await createStore();
    const [created] = await eventually(async () => {
      const deliveries = receiver.verified(secret, 'store.created');
      return deliveries.length > 0 && deliveries;
    });
    expect(created!.envelope.data.storeId).toBe(store.id);
    await page.getByRole('button', { name: 'Refresh' }).click();
    const storeItem = await deliveryOf(page, 'store.created', 'DELIVERED');
    await expect(storeItem).toHaveAttribute('data-delivery', String(created!.headers['webhook-id']));
    await storeItem.getByRole('button', { name: /^Details/ }).click();
    await expect(storeItem.getByTestId('delivery-payload')).toContainText(store.id);
    // Newest first.
    await expect(page.getByTestId('delivery').first()).toHaveAttribute('data-type', 'store.created');

    await expect(page.getByTestId('delivery-count')).toHaveText('(2)');
    await screenshot(page, 'settings-webhook-deliveries');
    await noSidewaysScroll(page, 'settings-webhook-deliveries');

    // The filter narrows the log to one event type.
    await page.getByLabel('Event type').selectOption('webhook.ping');
    await expect(page.getByTestId('delivery')).toHaveCount(1);
    await expect(page.getByTestId('delivery').first()).toHaveAttribute('data-type', 'webhook.ping');
    await page.getByLabel('Status').selectOption('FAILED');
    await expect(page.getByText('No deliveries match.')).toBeVisible();
  } finally {
    await receiver.close();
  }
});

test('webhooks: a receiver answering 500 shows the failed attempt; Redeliver once it is fixed delivers', async ({
  page,
}) => {
  const receiver = await startReceiver();
  try {
    const operator = await createUser('OPERATOR');
    await signIn(page, operator);
    await openWebhooks(page);
    const secret = await createEndpoint(page, receiver.url, unique('Flaky receiver'), ['store.updated']);
    await page.getByRole('link', { name: `Open ${receiver.url}` }).click();

    receiver.answer.status = 500;
    receiver.answer.body = 'database is down';
    await page.getByRole('button', { name: 'Send test ping' }).click();
    // Retried only minutes later (WEBHOOK_RETRY_BASE_MS in tests/run.ts): pending, with its next retry shown.
    const item = await deliveryOf(page, 'webhook.ping', 'PENDING');
    await expect(item.getByTestId('delivery-attempts')).toHaveText('1');
    await expect(item.getByTestId('delivery-http-status')).toHaveText('500');
    await expect(item.getByTestId('delivery-next-attempt')).toBeVisible();
    await item.getByRole('button', { name: /^Details/ }).click();
    await expect(item.getByTestId('attempt-http-status')).toHaveText('500');
    await expect(item.getByTestId('attempt-response')).toHaveText('database is down');

    receiver.answer.status = 200;
    receiver.answer.body = 'ok';
    await item.getByRole('button', { name: /^Redeliver/ }).click();
    await expect(item.getByTestId('delivery-status')).toHaveAttribute('data-state', 'DELIVERED', { timeout: 20_000 });
    await expect(item.getByTestId('delivery-attempts')).toHaveText('2');
    await expect(item.getByTestId('attempt')).toHaveCount(2);
    await expect(item.getByTestId('attempt-http-status')).toHaveText(['500', '200']);
    // Both attempts are the same delivery: one webhook-id, each correctly signed.
    const pings = receiver.verified(secret, 'webhook.ping');
    expect(pings).toHaveLength(2);
    expect(new Set(pings.map(({ headers }) => headers['webhook-id']))).toEqual(
      new Set([await item.getAttribute('data-delivery')]),
    );
  } finally {
    await receiver.close();
  }
});

test('webhooks: a private address is refused at the URL field; edit, disable, rotate and delete', async ({ page }) => {
  const receiver = await startReceiver();
  try {
    const operator = await createUser('OPERATOR');
    await signIn(page, operator);
    await openWebhooks(page);

    // Only 127.0.0.1 is allowed in this installation: a LAN address is refused, at the URL field.
    const form = page.getByTestId('endpoint-form');
    await form.getByLabel('URL').fill('http://10.1.2.3/hooks');
    await form.getByRole('checkbox', { name: /store\.created/ }).check();
    await form.getByRole('button', { name: 'Create endpoint' }).click();
    await expect(form.getByLabel('URL')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('URL')).toHaveAccessibleDescription(/private|loopback|address/i);
    await expect(form.getByLabel('URL')).toBeFocused();
    await expect(page.getByTestId('webhook-secret')).toHaveCount(0);

    const oldSecret = await createEndpoint(page, receiver.url, unique('Hooks'), ['store.created']);
    await page.getByRole('link', { name: `Open ${receiver.url}` }).click();
    const endpoint = page.getByTestId('endpoint');

    // Edit: another description and one more event type.
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByTestId('endpoint-form');
    const description = unique('Renamed hooks');
    await edit.getByLabel('Description').fill(description);
    await edit.getByRole('checkbox', { name: /store\.updated/ }).check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(endpoint).toContainText(description);
    await expect(page.getByTestId('endpoint-event-types')).toHaveText('store.created, store.updated');

    // Disable asks first; Keep it active changes nothing.
    await page.getByRole('button', { name: 'Disable' }).click();
    const dialog = page.getByTestId('confirm-dialog').filter({ visible: true });
    await expect(dialog).toContainText('not owed to it');
    await dialog.getByRole('button', { name: 'Keep it active' }).click();
    await expect(endpoint.getByTestId('endpoint-status')).toHaveAttribute('data-state', 'ACTIVE');
    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('button', { name: 'Disable endpoint' }).click();
    await expect(endpoint.getByTestId('endpoint-status')).toHaveAttribute('data-state', 'DISABLED');
    await expect(page.getByTestId('endpoint-disabled-reason')).toBeVisible();
    await page.getByRole('button', { name: 'Enable' }).click();
    await expect(endpoint.getByTestId('endpoint-status')).toHaveAttribute('data-state', 'ACTIVE');

    // Rotate: a new secret, shown once, that signs from now on.
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const notice = page.getByTestId('webhook-secret');
    await expect(notice).toContainText('you will not see it again');
    await expect(notice).toContainText('previous secret keeps signing');
    const newSecret = await notice.getByLabel('Signing secret').inputValue();
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);
    await page.getByRole('button', { name: 'Send test ping' }).click();
    await eventually(async () => receiver.verified(newSecret, 'webhook.ping').length === 1);

    // Delete asks first, then the endpoint is gone from the list and from the API.
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('dialog')).toContainText('cannot be undone');
    await page.getByRole('button', { name: 'Delete endpoint' }).click();
    await expect(page).toHaveURL(/\/settings\/webhooks$/);
    await expect(page.getByRole('row').filter({ hasText: receiver.url })).toHaveCount(0);
    const { webhookEndpoints } = await api<{ webhookEndpoints: { url: string }[] }>(
      '{ webhookEndpoints { url } }',
      {},
      await accessToken(operator),
    );
    expect(webhookEndpoints.map(({ url }) => url)).not.toContain(receiver.url);
  } finally {
    await receiver.close();
  }
});

test('webhooks: an admin sees every endpoint with its owner and may pick admin-only types; a viewer does not see the page', async ({
  page,
  browser,
}) => {
  const operator = await createUser('OPERATOR');
  const url = `http://127.0.0.1:9/${Math.random().toString(36).slice(2, 8)}`;
  await api(
    'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }',
    { input: { url, eventTypes: ['store.deleted'] } },
    await accessToken(operator),
  );
  await signIn(page, admin);
  await openWebhooks(page);
  await expect(page.getByRole('row').filter({ hasText: url })).toContainText(operator.displayName);
  await expect(page.getByTestId('endpoint-form').getByRole('checkbox', { name: /user\.changed/ })).toBeVisible();

  const viewer = await createUser('VIEWER');
  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await signIn(viewerPage, viewer);
  await viewerPage.getByRole('link', { name: 'Settings' }).click();
  const tabs = viewerPage.getByRole('navigation', { name: 'Settings' });
  await expect(tabs.getByRole('link', { name: 'API keys' })).toBeVisible();
  await expect(tabs.getByRole('link', { name: 'Webhooks' })).toHaveCount(0);
  await viewerPage.goto('/settings/webhooks');
  await expect(viewerPage.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(viewerPage.getByText('Webhooks need the operator or admin role.')).toBeVisible();
  await expect(viewerPage.getByRole('heading', { name: 'Endpoints' })).toHaveCount(0);
  await context.close();
});

test('event catalogue: webhook event types with examples for a signed-in user; a note to sign in otherwise', async ({
  page,
  browser,
}) => {
  const anonymous = await browser.newContext();
  const anonymousPage = await anonymous.newPage();
  await anonymousPage.goto('/api/events');
  await expect(anonymousPage.getByRole('heading', { name: 'Webhook event types' })).toBeVisible();
  await expect(anonymousPage.getByTestId('webhook-types-sign-in')).toContainText(
    'Sign in to see the webhook event types',
  );
  await expect(anonymousPage.locator('[id="webhook-store.created"]')).toHaveCount(0);
  await anonymous.close();

  await signIn(page, await createUser('VIEWER'));
  await page.goto('/api/events');
  const storeCreated = page.locator('[id="webhook-store.created"]');
  await expect(storeCreated).toContainText('A store was created.');
  await expect(storeCreated.getByTestId('event-example')).toContainText('"type": "store.created"');
  await expect(page.locator('[id="webhook-user.changed"]')).toContainText('Needs ADMIN');
  await expect(page.getByTestId('webhook-types-sign-in')).toHaveCount(0);
});
