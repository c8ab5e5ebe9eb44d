import { userPrincipal } from '@switchyard/testing';
import { createInMemoryNotes } from '../../test/fakes/in-memory-notes.ts';
import { createStoreNoteService } from './store-note-service.ts';

const STORE = 'b0000000-0000-4000-8000-000000000001';
const code = (code: string) => expect.objectContaining({ extensions: expect.objectContaining({ code }) });

describe('store note service', () => {
  const author = userPrincipal('OPERATOR');

  function setUp() {
    const fake = createInMemoryNotes([STORE]);
    return { ...fake, service: createStoreNoteService({ notes: fake.notes }) };
  }

  it('writes a note as its author’s audit actor', async () => {
    const { service, rows } = setUp();
    const note = await service.add(STORE, 'Tills fine', author);
    expect(rows.get(note.id)).toMatchObject({
      storeId: STORE,
      body: 'Tills fine',
      author: { kind: 'user', id: author.userId, userId: author.userId },
    });
    await expect(service.add('b0000000-0000-4000-8000-000000000002', 'Hi', author)).rejects.toEqual(code('NOT_FOUND'));
  });

  it('deletes for the author, refuses another operator and answers NOT_FOUND for a note gone', async () => {
    const { service, notes, rows } = setUp();
    const note = await service.add(STORE, 'Mine', author);
    await expect(service.delete(note.id, userPrincipal('OPERATOR'))).rejects.toEqual(code('FORBIDDEN'));
    expect(rows.has(note.id)).toBe(true);
    expect(await service.delete(note.id, author)).toBe(note.id);
    await expect(service.delete(note.id, author)).rejects.toEqual(code('NOT_FOUND'));

    // Deleted by someone else between the read and the delete: the same answer as had they been first.
    const raced = await service.add(STORE, 'Raced', author);
    notes.remove = async () => false;
    await expect(service.delete(raced.id, userPrincipal('ADMIN'))).rejects.toEqual(code('NOT_FOUND'));
  });
});
