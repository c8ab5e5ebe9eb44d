// Monitoring → Monitors: an operator adds an HTTP monitor with a keyword from a store's page against a
// web server of the spec's own (loopback, a free port), sees it up, and sees it go down live when the
// page loses the keyword; a push monitor shows its secret URL; a viewer sees the monitors but no
// control and no push URL. tests/run.ts lowers the engine's minimum interval
// (MONITOR_MIN_INTERVAL_SECONDS), so checks come every 2 s.
import { createServer } from 'node:http';
import { expect, test } from '@playwright/test';
import { listen } from '@switchyard/testing';
import { createStore, createUser, screenshot, signIn, unique } from './support.ts';

const INTERVAL_SECONDS = 2;
// A few check rounds, and the event's way through the gateway to the page (on a busy CI machine).
const LIVE_MS = 30_000;
// The first page after signing in loads the store page's code and data.
const FIRST_PAGE_MS = 30_000;

test('monitors: an operator watches a page for a keyword, sees it go down live, and gets a push URL; a viewer only looks', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const body = { text: '<h1>Welcome to the shop</h1>' };
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(body.text));
  const url = `${await listen(server)}/health`;
  try {
    const store = await createStore(unique('Monitored store'));
    const operator = await createUser('OPERATOR');
    await signIn(page, operator);

    // From the store's page: the store is chosen already.
    await page.goto(`/stores/${store.id}?tab=monitors`);
    await expect(page.getByTestId('store-monitors-empty')).toBeVisible({ timeout: FIRST_PAGE_MS });
    await page.getByRole('link', { name: 'Add a monitor' }).click();
    const form = page.getByTestId('monitor-form');
    await expect(form.getByRole('radio', { name: /HTTP/ })).toBeChecked();
    await expect(form.getByLabel('Store', { exact: true })).toHaveValue(store.id);

    // Checked as it is filled in: a URL without a scheme is named when the field is left.
    const name = unique('Shop front');
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('URL', { exact: true }).fill('shop.example');
    await form.getByLabel('Keyword', { exact: true }).focus();
    await expect(form.getByText('This is not a web address: start with http:// or https://')).toBeVisible();
    await form.getByLabel('URL', { exact: true }).fill(url);
    await expect(form.getByText('This is not a web address')).toHaveCount(0);
    await form.getByLabel('Keyword', { exact: true }).fill('Welcome');
    await form.getByLabel('Interval (seconds)', { exact: true }).fill(String(INTERVAL_SECONDS));
    await form.getByLabel('Timeout (ms)', { exact: true }).fill('1000');
    await form.getByLabel('Retries', { exact: true }).fill('0');
    await form.getByRole('button', { name: 'Create monitor' }).click();

    await expect(page.getByTestId('monitor-name')).toHaveText(name);
    const badge = page.getByTestId('monitor-status');
    await expect(badge).toHaveAttribute('data-state', 'UP', { timeout: LIVE_MS });
    await screenshot(page, 'monitor-up');

    // The page loses its keyword: the badge turns without a reload, and the last error says why.
    body.text = '<h1>Maintenance</h1>';
    await expect(badge).toHaveAttribute('data-state', 'DOWN', { timeout: LIVE_MS });
    await expect(page.getByTestId('monitor-error')).not.toHaveText('None');

    // The store's tab and the list show it down too.
    await page.goto(`/stores/${store.id}?tab=monitors`);
    const row = page.getByTestId('store-monitors').locator(`[data-name="${name}"]`);
    await expect(row.getByTestId('monitor-status')).toHaveAttribute('data-state', 'DOWN');

    // A push monitor: its secret URL and how to call it.
    await page.goto('/monitoring/monitors/new');
    await page.getByRole('radio', { name: /Push/ }).check();
    await expect(page.getByLabel('URL', { exact: true })).toHaveCount(0);
    const heartbeat = unique('Nightly backup');
    await page.getByLabel('Name', { exact: true }).fill(heartbeat);
    await page.getByRole('button', { name: 'Create monitor' }).click();
    await expect(page.getByTestId('push-url')).toHaveText(/^https?:\/\/.+\/push\/\S+$/);
    await expect(page.getByTestId('push-curl')).toContainText('curl');
    const monitorUrl = page.url();

    // A viewer sees the monitors, but no control and no push URL.
    const context = await browser.newContext();
    const viewerPage = await context.newPage();
    await signIn(viewerPage, await createUser('VIEWER'));
    await viewerPage.goto('/monitoring/monitors');
    await expect(viewerPage.getByTestId('monitor-list').locator(`[data-name="${name}"]`)).toBeVisible();
    await expect(viewerPage.getByRole('link', { name: 'New monitor' })).toHaveCount(0);
    await viewerPage.goto(monitorUrl);
    await expect(viewerPage.getByTestId('monitor-name')).toHaveText(heartbeat);
    await expect(viewerPage.getByText('Only operators and admins see the push URL.')).toBeVisible();
    for (const control of ['Check now', 'Pause', 'Edit', 'Delete', 'Make a new URL'])
      await expect(viewerPage.getByRole('button', { name: control })).toHaveCount(0);
    await context.close();
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
