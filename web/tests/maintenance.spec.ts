import { expect, test } from '@playwright/test';
import { admin, adminToken, api, confirmDialog, signIn, unique } from './support.ts';

const DELETE = 'mutation ($id: ID!) { deleteMaintenanceWindow(id: $id) }';

test('an operator plans a weekly window in the form; a global window in force shows on the health matrix', async ({
  page,
}) => {
  // The matrix lists the gateway once the checker's first round is in (every 15 s).
  test.setTimeout(150_000);
  const token = await adminToken();
  const title = unique('Router restart');
  const globalTitle = unique('Power work');
  let globalId: string | null = null;
  try {
    await signIn(page, admin);
    await page.goto('/monitoring/maintenance');
    await page.getByRole('button', { name: 'New maintenance window' }).click();
    const form = page.getByTestId('maintenance-form');
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Every week').check();
    await form.getByLabel('Monday').check();
    await form.getByLabel('Friday').check();
    await form.getByLabel('Start time').fill('22:00');
    await form.getByLabel('Duration (minutes)').fill('90');
    await form.getByLabel('Time zone').fill('Europe/Berlin');
    await form.getByLabel('Chosen services').check();
    await form.getByLabel('meals', { exact: true }).check();
    await form.getByRole('button', { name: 'Create window' }).click();

    const row = page.getByTestId('maintenance-window').filter({ hasText: title });
    await expect(row.getByTestId('maintenance-schedule')).toHaveText(
      'Mondays, Fridays at 22:00 (Europe/Berlin) for 1 h 30 min',
    );
    await expect(row).toContainText('meals');

    // A one-off window over everything, in force now (made through the API: the form is covered above).
    const now = Date.now();
    globalId = (
      await api<{ createMaintenanceWindow: { id: string } }>(
        'mutation ($input: MaintenanceWindowInput!) { createMaintenanceWindow(input: $input) { id } }',
        {
          input: {
            title: globalTitle,
            scope: 'GLOBAL',
            startsAt: new Date(now - 60_000).toISOString(),
            endsAt: new Date(now + 30 * 60_000).toISOString(),
          },
        },
        token,
      )
    ).createMaintenanceWindow.id;
    await page.goto('/monitoring');
    await expect(
      page.getByTestId('service-matrix').getByTestId('service-gateway').getByTestId('service-maintenance'),
    ).toBeVisible({ timeout: 90_000 });

    await page.goto('/monitoring/maintenance');
    await expect(
      page.getByTestId('maintenance-window').filter({ hasText: globalTitle }).getByTestId('maintenance-state'),
    ).toHaveAttribute('data-state', 'MAINTENANCE');
    await row.getByRole('button', { name: `Delete ${title}` }).click();
    await confirmDialog(page, 'Delete window');
    await expect(row).toHaveCount(0);
  } finally {
    // Other specs expect alerts to fire: nothing of this spec stays in force.
    if (globalId) await api(DELETE, { id: globalId }, token);
    const left = await api<{ maintenanceWindows: { id: string; title: string }[] }>(
      '{ maintenanceWindows { id title } }',
      {},
      token,
    );
    for (const window of left.maintenanceWindows.filter((w) => w.title === title))
      await api(DELETE, { id: window.id }, token);
  }
});
