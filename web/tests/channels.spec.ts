// Monitoring → Channels: an admin adds a Slack-compatible channel pointing at a local receiver
// (loopback, allowed by tests/run.ts's WEBHOOK_ALLOWED_PRIVATE_TARGETS), sends a test, sees it
// arrive and the result on the page; a bad URL is refused at its field; the channel is deleted.
import { createServer } from 'node:http';
import { expect, test } from '@playwright/test';
import { listen } from '@switchyard/testing';
import { admin, confirmDialog, signIn, unique } from './support.ts';

test('creates a Slack channel, sends a test that arrives, deletes it', async ({ page }) => {
  const received: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200).end('ok');
    });
  });
  const url = `${await listen(server)}/slack`;
  const name = unique('Shop chat');
  try {
    await signIn(page, admin);
    await page.goto('/monitoring/channels');
    await page.getByRole('button', { name: 'New channel' }).click();
    const dialog = page.getByTestId('channel-dialog');
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('URL').fill('ftp://example.com/hook');
    await dialog.getByRole('button', { name: 'Create channel' }).click();
    await expect(dialog.getByLabel('URL')).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByLabel('URL').fill(url);
    await dialog.getByRole('button', { name: 'Create channel' }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByTestId('channel').filter({ hasText: name });
    await expect(row).toContainText(url);
    await row.getByRole('button', { name: 'Send test' }).click();
    await expect(row.getByTestId('channel-test')).toHaveText('ok (HTTP 200)');
    expect(JSON.parse(received[0]!).text).toContain(`Test notification to ${name}`);

    await row.getByRole('button', { name: 'Delete' }).click();
    await confirmDialog(page, 'Delete channel');
    await expect(row).toHaveCount(0);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
