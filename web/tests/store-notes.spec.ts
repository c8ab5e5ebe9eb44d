// A store's journal on its Notes tab: an operator reads a long journal page by page, is refused a
// blank note at the field, adds one and deletes it; another operator's notes are not theirs to
// delete, an admin's are; a viewer only reads.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import {
  accessToken,
  api,
  confirmDialog,
  createStore,
  createUser,
  screenshot,
  secondSession,
  signIn,
} from './support.ts';

const ADD = 'mutation($storeId: ID!, $body: String!) { addStoreNote(storeId: $storeId, body: $body) { id } }';

test('notes on the store page: load more, a refused blank note, add, delete own, admin deletes others, viewer reads', async ({
  page,
  browser,
}) => {
  const store = await createStore();
  const [writer, colleague] = [await createUser('OPERATOR'), await createUser('OPERATOR')];
  const colleagueToken = await accessToken(colleague);
  // One more than the tab's first page.
  for (let i = 1; i <= 21; i += 1) await api(ADD, { storeId: store.id, body: `Colleague note ${i}` }, colleagueToken);

  await signIn(page, writer);
  await page.goto(`/stores/${store.id}`);
  await page.getByRole('tab', { name: 'Notes' }).click();
  await expect(page).toHaveURL(/\?tab=notes$/);
  const section = page.getByTestId('store-notes');
  const notes = section.getByTestId('note');
  await expect(notes).toHaveCount(20);
  await expect(section.getByTestId('notes-count')).toHaveText('21');
  await expect(notes.first()).toContainText('Colleague note 21');
  await expect(notes.first()).toContainText(colleague.displayName);
  await expect(notes.first().locator('time')).toHaveText(/just now|ago/);
  // Not the operator's own: nothing to delete.
  await expect(section.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  await section.getByRole('button', { name: 'Load more notes' }).click();
  await expect(notes).toHaveCount(21);
  await expect(notes.last()).toContainText('Colleague note 1');
  await expect(section.getByRole('button', { name: 'Load more notes' })).toBeHidden();

  // Blank once trimmed: the API refuses it at the field.
  const field = section.getByLabel('New note');
  await field.fill('   ');
  await section.getByRole('button', { name: 'Add note' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/must not be empty/i);

  await field.fill('Visited: tills fine.\nThe back door sticks.');
  await section.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.first()).toContainText('The back door sticks.');
  await expect(notes.first()).toContainText(writer.displayName);
  await expect(field).toHaveValue('');
  await expect(section.getByTestId('notes-count')).toHaveText('22');
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="store-notes"]').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await screenshot(page, 'store-notes');

  // Their own note has a delete button, which asks first.
  await section.getByRole('button', { name: new RegExp(`^Delete the note by ${writer.displayName}`) }).click();
  await confirmDialog(page, 'Delete note');
  await expect(notes.first()).toContainText('Colleague note 21');
  await expect(section.getByTestId('notes-count')).toHaveText('21');

  // An admin may delete anyone's; the journal as the API has it agrees.
  const adminPage = await secondSession(browser);
  await adminPage.goto(`/stores/${store.id}?tab=notes`);
  const adminSection = adminPage.getByTestId('store-notes');
  await expect(adminSection.getByTestId('note').first()).toContainText('Colleague note 21');
  await adminSection
    .getByRole('button', { name: new RegExp(`^Delete the note by ${colleague.displayName}`) })
    .first()
    .click();
  await confirmDialog(adminPage, 'Delete note');
  await expect(adminSection.getByTestId('note').first()).toContainText('Colleague note 20');
  const left = await api<{ store: { notes: { totalCount: number; edges: { node: { body: string } }[] } } }>(
    'query($id: ID!) { store(id: $id) { notes(first: 1) { totalCount edges { node { body } } } } }',
    { id: store.id },
    colleagueToken,
  );
  expect(left.store.notes).toEqual({ totalCount: 20, edges: [{ node: { body: 'Colleague note 20' } }] });

  // A viewer reads the journal and nothing more.
  const viewerPage = await secondSession(browser, await createUser('VIEWER'));
  await viewerPage.goto(`/stores/${store.id}?tab=notes`);
  const viewerSection = viewerPage.getByTestId('store-notes');
  await expect(viewerSection.getByTestId('note')).toHaveCount(20);
  await expect(viewerSection.getByLabel('New note')).toHaveCount(0);
  await expect(viewerSection.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
});
