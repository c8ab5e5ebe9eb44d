import { expect, test } from '@playwright/test';
import {
  admin,
  adminToken,
  api,
  createUser,
  screenshot,
  secondSession,
  signIn,
  unique,
  confirmDialog,
} from './support.ts';

// The checker runs every 15 s: the first results, and every alert, take up to a round or two.
const CHECK_ROUND_MS = 15_000;
// The monitoring page re-reads services and breakers this often.
const PAGE_POLL_MS = 15_000;

interface RuleRow {
  id: string;
  name: string;
  kind: string;
  target: string | null;
  thresholdMs: number | null;
  consecutiveChecks: number;
  enabled: boolean;
}
const rulesNamed = async (name: string) =>
  (
    await api<{ alertRules: RuleRow[] }>(
      '{ alertRules { id name kind target thresholdMs consecutiveChecks enabled } }',
      {},
      await adminToken(),
    )
  ).alertRules.filter((rule) => rule.name === name);

test('the health matrix lists the gateway and every subgraph as up, with uptime, checks and history', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Monitoring' }).click();
  await expect(page.getByRole('heading', { name: 'Monitoring', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Monitoring' }).getByRole('link', { name: 'Health' }),
  ).toHaveAttribute('aria-current', 'page');

  // Live: the page is not reloaded while the checker's rounds come in.
  const matrix = page.getByTestId('service-matrix');
  for (const name of ['gateway', 'identity', 'stores', 'hardware', 'meals', 'observability']) {
    await expect(matrix.getByTestId(`service-${name}`).getByTestId('service-status')).toHaveAttribute(
      'data-state',
      'UP',
      { timeout: 6 * CHECK_ROUND_MS },
    );
  }
  // Every service the API reports, and nothing else, is a row.
  const { services } = await api<{ services: { name: string }[] }>('{ services { name } }', {}, await adminToken());
  await expect(matrix.locator('tbody > tr[data-testid^="service-"]')).toHaveCount(services.length);

  const gateway = matrix.getByTestId('service-gateway');
  await expect(gateway).toContainText('gateway');
  await expect(gateway.getByTestId('uptime-day')).toHaveText(/^\d{1,3}(\.\d\d)?%$/);
  await expect(gateway.getByRole('cell').nth(2)).toHaveText(/^\d+ ms$/);
  await expect(gateway.getByTestId('check-strip')).not.toHaveAttribute('data-checks', '0');
  await expect(gateway.getByTestId('check-strip')).toHaveAttribute(
    'aria-label',
    /gateway recent checks, last \d+ checks: \d+ up/,
  );

  // The history of one service, on demand.
  const toggle = gateway.getByRole('button', { name: 'History of gateway' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const history = page.getByTestId('history-gateway');
  await expect(history.getByRole('heading', { name: 'History of gateway' })).toBeVisible();
  await expect(history.locator('dl')).toContainText(/Checks\s*[1-9]\d*/);
  await history.getByLabel('Range').selectOption('15');
  await expect(history.locator('dl')).toContainText(/Checks\s*[1-9]\d*/);

  // Breakers: whatever the API knows, or the empty state when it knows none. A breaker created after the page
  // loaded shows at the page's next poll.
  const { circuitBreakers } = await api<{ circuitBreakers: unknown[] }>(
    '{ circuitBreakers { service name } }',
    {},
    await adminToken(),
  );
  if (circuitBreakers.length === 0) await expect(page.getByTestId('breakers-empty')).toBeVisible();
  else
    await expect(page.getByTestId('breaker-list').locator('tbody tr')).toHaveCount(circuitBreakers.length, {
      timeout: 2 * PAGE_POLL_MS,
    });

  await screenshot(page, 'monitoring');
});

test('an admin creates, edits and deletes an alert rule; a bad value is reported at its field', async ({ page }) => {
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Monitoring' }).click();
  await page.getByRole('link', { name: 'Alert rules' }).click();
  await expect(page).toHaveURL(/\/monitoring\/rules$/);
  await expect(page.getByRole('heading', { name: 'Alert rules', level: 2 })).toBeVisible();

  await page.getByRole('button', { name: 'New rule' }).click();
  const form = page.getByTestId('rule-form');
  await expect(form.getByRole('heading', { name: 'New alert rule' })).toBeFocused();
  const name = unique('Stores slow');

  // The fields follow the kind.
  await form.getByLabel('Kind').selectOption('BREAKER_OPEN');
  await expect(form.getByLabel('Breaker (service/name)')).toBeVisible();
  await expect(form.getByLabel('For (seconds)')).toBeVisible();
  await expect(form.getByLabel('Consecutive checks')).toHaveCount(0);
  await form.getByLabel('Kind').selectOption('SERVICE_DOWN');
  await expect(form.getByLabel('Consecutive checks')).toBeVisible();
  await expect(form.getByLabel('Threshold (ms)')).toHaveCount(0);
  await form.getByLabel('Kind').selectOption('LATENCY_ABOVE');
  await expect(form.getByLabel('Threshold (ms)')).toBeVisible();

  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Service', { exact: true }).fill('stores');
  await form.getByLabel('Threshold (ms)').fill('800');
  await form.getByLabel('Consecutive checks').fill('0');
  await form.getByRole('button', { name: 'Create rule' }).click();
  // The API refuses it (BAD_USER_INPUT on input.consecutiveChecks): the message sits at that field.
  const checks = form.getByLabel('Consecutive checks');
  await expect(checks).toHaveAttribute('aria-invalid', 'true');
  await expect(checks).toHaveAccessibleDescription(/1/);
  await expect(checks).toBeFocused();
  await expect(form.getByLabel('Threshold (ms)')).not.toHaveAttribute('aria-invalid', 'true');
  expect(await rulesNamed(name)).toHaveLength(0);
  await screenshot(page, 'alert-rules-form');

  await checks.fill('3');
  await form.getByRole('button', { name: 'Create rule' }).click();
  await expect(page.getByText(`Rule “${name}” created.`)).toBeVisible();
  await expect(form).toHaveCount(0);
  const row = page.locator(`[data-testid="rule"][data-name="${name}"]`);
  await expect(row).toContainText('Latency above');
  await expect(row).toContainText('stores');
  await expect(row.getByTestId('rule-condition')).toHaveText('above 800 ms for 3 checks in a row');
  await expect(row).toContainText('enabled');
  expect(await rulesNamed(name)).toMatchObject([
    { kind: 'LATENCY_ABOVE', target: 'stores', thresholdMs: 800, consecutiveChecks: 3, enabled: true },
  ]);
  await screenshot(page, 'alert-rules');

  // Edit: the kind stays, the numbers and the switch change.
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  await expect(form.getByRole('heading', { name: `Edit “${name}”` })).toBeVisible();
  await expect(form.getByLabel('Kind')).toBeDisabled();
  await expect(form.getByLabel('Threshold (ms)')).toHaveValue('800');
  await form.getByLabel('Threshold (ms)').fill('1200');
  await form.getByLabel('Service', { exact: true }).fill('');
  await form.getByLabel('Enabled').uncheck();
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByText(`Rule “${name}” saved.`)).toBeVisible();
  await expect(row.getByTestId('rule-condition')).toHaveText('above 1200 ms for 3 checks in a row');
  await expect(row).toContainText('every service');
  await expect(row).toContainText('disabled');
  expect(await rulesNamed(name)).toMatchObject([
    { target: null, thresholdMs: 1200, consecutiveChecks: 3, enabled: false },
  ]);

  // Delete, after confirming.
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await confirmDialog(page, 'Delete rule');
  await expect(page.getByText(`Rule “${name}” deleted.`)).toBeVisible();
  await expect(row).toHaveCount(0);
  expect(await rulesNamed(name)).toHaveLength(0);
});

test('an operator creates a silence, listed as active; a viewer sees rules and silences without controls', async ({
  page,
  browser,
}) => {
  const operator = await createUser('OPERATOR');
  await signIn(page, operator);
  await page.goto('/monitoring');
  await page.getByRole('link', { name: 'Silences' }).click();
  await expect(page).toHaveURL(/\/monitoring\/silences$/);
  const form = page.getByTestId('silence-form');
  const matcher = `${unique('maintenance').replace(' ', '-')}:*`;

  // Without a reason the API refuses it, at the field.
  await form.getByLabel('Matcher').fill(matcher);
  await form.getByLabel('Duration').selectOption({ label: '4 hours' });
  await form.getByRole('button', { name: 'Create silence' }).click();
  await expect(form.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Reason')).toBeFocused();

  await form.getByLabel('Reason').fill('Planned database maintenance');
  await form.getByRole('button', { name: 'Create silence' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Silenced' })).toContainText(`Silenced “${matcher}”`);
  await expect(form.getByLabel('Reason')).not.toHaveAttribute('aria-invalid', 'true');
  const row = page.locator(`[data-testid="silence"][data-matcher="${matcher}"]`);
  await expect(row.getByTestId('silence-state')).toHaveAttribute('data-state', 'ACTIVE');
  await expect(row).toContainText('Planned database maintenance');
  await expect(row).toContainText(operator.displayName);
  await expect(row).toContainText(/in 3 h 5\d min/);
  await screenshot(page, 'silences');

  // A custom end in the past is refused at the Until field.
  await form.getByLabel('Matcher').fill(`${matcher}-past`);
  await form.getByLabel('Duration').selectOption('custom');
  await form.getByLabel('Until').fill('2020-01-01T10:00');
  await form.getByLabel('Reason').fill('Too late');
  await form.getByRole('button', { name: 'Create silence' }).click();
  await expect(form.getByLabel('Until')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Until')).toHaveAccessibleDescription(/future/);
  await expect(page.locator(`[data-testid="silence"][data-matcher="${matcher}-past"]`)).toHaveCount(0);

  // Operators may silence and acknowledge, not edit rules.
  await page.getByRole('link', { name: 'Alert rules' }).click();
  await expect(page.getByText('Only admins can change alert rules.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New rule' })).toHaveCount(0);

  const viewer = await secondSession(browser, await createUser('VIEWER'));
  await viewer.goto('/monitoring/silences');
  await expect(viewer.locator(`[data-testid="silence"][data-matcher="${matcher}"]`)).toBeVisible();
  await expect(viewer.getByTestId('silence-form')).toHaveCount(0);
  await viewer.context().close();
});

test('alerts: filter and empty state, then a real alert fires live, is acknowledged and resolves', async ({ page }) => {
  test.setTimeout(180_000);
  const token = await adminToken();
  await signIn(page, admin);
  await page.goto('/monitoring');
  // The tabs are links: reachable with Tab, followed with Enter.
  await page.getByRole('link', { name: 'Health' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: /^Alerts/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/monitoring\/alerts$/);
  await expect(page.getByRole('link', { name: /^Alerts/ })).toHaveAttribute('aria-current', 'page');

  const count = async (status: string) =>
    (
      await api<{ alerts: { totalCount: number } }>(
        'query($s: AlertStatus) { alerts(status: $s) { totalCount } }',
        { s: status },
        token,
      )
    ).alerts.totalCount;
  await page.getByLabel('Status').selectOption('RESOLVED');
  await expect(page).toHaveURL(/status=RESOLVED/);
  const resolved = await count('RESOLVED');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(
    `${resolved} resolved ${resolved === 1 ? 'alert' : 'alerts'}`,
  );
  if (resolved === 0) await expect(page.getByTestId('alerts-empty')).toHaveText('No resolved alerts.');
  await screenshot(page, 'alerts-empty');

  // A rule every check of the gateway breaks (its /ready takes more than 1 ms): it fires at the next round.
  const name = unique('Gateway latency');
  const { createAlertRule: rule } = await api<{ createAlertRule: { id: string } }>(
    'mutation($input: AlertRuleInput!) { createAlertRule(input: $input) { id } }',
    { input: { name, kind: 'LATENCY_ABOVE', target: 'gateway', thresholdMs: 1, consecutiveChecks: 1 } },
    token,
  );
  try {
    await page.getByLabel('Status').selectOption('FIRING');
    const alert = page.locator(`[data-testid="alert"][data-rule="${name}"]`);
    await expect(alert.getByTestId('alert-status')).toHaveAttribute('data-state', 'FIRING', {
      timeout: 6 * CHECK_ROUND_MS,
    });
    await expect(alert).toContainText('gateway answers slower than 1 ms');
    await expect(page.getByTestId('firing-count')).toHaveText(/^[1-9]\d* firing$/);
    await expect(alert.getByText('Notifications (')).toBeVisible();

    await alert.getByRole('button', { name: /^Acknowledge/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Acknowledge alert' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Note').fill('Looking into it');
    await dialog.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(dialog).toBeHidden();
    await expect(alert.getByTestId('acknowledged')).toContainText('Acknowledged by');
    await expect(alert.getByTestId('acknowledged')).toContainText('Looking into it');
    await expect(alert.getByRole('button', { name: /^Acknowledge/ })).toHaveCount(0);
    await screenshot(page, 'alerts');

    // Disabled, the rule watches nothing: its alert resolves at the next round and leaves the firing list.
    await api(
      'mutation($id: ID!) { updateAlertRule(id: $id, input: { enabled: false }) { id } }',
      { id: rule.id },
      token,
    );
    await expect(alert).toHaveCount(0, { timeout: 4 * CHECK_ROUND_MS });
    await page.getByLabel('Status').selectOption('RESOLVED');
    await expect(alert.getByTestId('alert-status')).toHaveAttribute('data-state', 'RESOLVED');
    await expect(alert.getByTestId('acknowledged')).toContainText('Looking into it');
  } finally {
    await api('mutation($id: ID!) { deleteAlertRule(id: $id) }', { id: rule.id }, token);
  }
});
