import { expect, test } from '@playwright/test';
import { admin, adminToken, api, confirmDialog, signIn, unique } from './support.ts';

test('ending a silence early takes it off the list of those in force', async ({ page }) => {
  const matcher = unique('early-end');
  await api(
    'mutation($m: String!, $u: DateTime!) { createSilence(matcher: $m, until: $u, reason: "painting the shop") { id } }',
    { m: matcher, u: new Date(Date.now() + 3_600_000).toISOString() },
    await adminToken(),
  );
  await signIn(page, admin);
  await page.goto('/monitoring/silences');
  const row = page.locator(`[data-testid="silence"][data-matcher="${matcher}"]`);
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: `Expire silence ${matcher} now` }).click();
  await confirmDialog(page, 'Expire now');
  await expect(page.getByRole('status').filter({ hasText: 'ended' })).toContainText(matcher);
  await expect(row).toHaveCount(0);
});

test('an admin resets a circuit breaker with a reason, which the activity feed records', async ({ page }) => {
  test.setTimeout(90_000);
  const reason = unique('stores redeployed');
  await signIn(page, admin);
  await page.goto('/monitoring');
  // The gateway's breakers are listed from the first check round on.
  const reset = page.getByRole('button', { name: 'Reset circuit breaker gateway/subgraph:stores' });
  await expect(reset).toBeVisible({ timeout: 45_000 });
  await reset.click();
  const dialog = page.getByTestId('reset-breaker-dialog');
  await dialog.getByRole('button', { name: 'Reset breaker' }).click();
  await expect(dialog.getByText('Say why')).toBeVisible();
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByRole('button', { name: 'Reset breaker' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'reset' })).toContainText('gateway/subgraph:stores');

  const { activity } = await api<{ activity: { edges: { node: { details: string } }[] } }>(
    '{ activity(first: 20, filter: { kinds: ["CircuitBreakerReset"] }) { edges { node { details } } } }',
    {},
    await adminToken(),
  );
  expect(activity.edges.map((edge) => JSON.parse(edge.node.details).reason)).toContain(reason);
});
