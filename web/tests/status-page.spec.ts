import { expect, test } from '@playwright/test';
import { adminToken, api, secondSession, unique } from './support.ts';

// The public page asks again every 10 s (signed out there is no websocket): a change shows within a round or two.
const REFRESH_MS = 10_000;

test('a signed-out visitor sees only the chosen components and an incident posted meanwhile', async ({ browser }) => {
  // Two browser sessions, a sign-in and up to two refresh rounds: more than the default minute on a busy machine.
  test.slow();
  const token = await adminToken();
  const slug = `shop-${Date.now().toString(36)}`;
  const pageTitle = unique('Shop status');
  await expect
    .poll(
      async () => (await api<{ services: { name: string }[] }>('{ services { name } }', {}, token)).services.length,
      {
        timeout: 30_000,
      },
    )
    .toBeGreaterThan(1);
  const { createStatusPage } = await api<{ createStatusPage: { id: string } }>(
    'mutation ($input: StatusPageInput!) { createStatusPage(input: $input) { id } }',
    {
      input: {
        slug,
        title: pageTitle,
        published: true,
        components: [
          { subject: 'stores', displayName: 'Store register' },
          { subject: 'identity', displayName: 'Sign-in' },
        ],
      },
    },
    token,
  );

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/status/${slug}`);
  await expect(visitor.getByRole('heading', { name: pageTitle, level: 1 })).toBeVisible();
  await expect(visitor.getByTestId('component')).toHaveCount(2);
  await expect(visitor.getByTestId('component').first()).toHaveAttribute('data-name', 'Store register');
  await expect(
    visitor.getByRole('list', { name: 'Sign-in: uptime of the last 90 days' }).getByRole('listitem'),
  ).toHaveCount(90);
  const text = await visitor.locator('main').innerText();
  expect(text).not.toMatch(/identity|stores|gateway|observability|http:|127\.0\.0\.1/);
  // Another spec's incident for every page may be open; this one is not there yet.
  const title = unique('Card payments fail');
  const incident = visitor.getByTestId('incident').filter({ hasText: title });
  await expect(incident).toHaveCount(0);

  // An operator opens an incident on this page from their own session.
  const operator = await secondSession(browser);
  await operator.goto('/monitoring/incidents');
  const form = operator.getByTestId('incident-form');
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Message').fill('We are looking into it.');
  await form.getByRole('checkbox', { name: pageTitle }).check();
  await form.getByRole('button', { name: 'Open incident' }).click();
  await expect(operator.getByTestId('incident').filter({ hasText: title })).toBeVisible();

  await expect(incident).toBeVisible({ timeout: 2 * REFRESH_MS + 5_000 });
  await expect(incident).toContainText('We are looking into it.');
  await expect(incident.getByTestId('incident-status')).toHaveAttribute('data-state', 'INVESTIGATING');

  await api('mutation ($id: ID!) { deleteStatusPage(id: $id) }', { id: createStatusPage.id }, token);
});
