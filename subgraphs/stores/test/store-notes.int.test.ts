import { TEST_BACKENDS, apiKeyPrincipal, userPrincipal } from '@switchyard/testing';
import { storeInput } from '@switchyard/testing/fixtures';
import { startStores } from './support.ts';

const NOTE = 'id body createdAt author { kind id user { id } }';
const CREATE = `mutation ($input: CreateStoreInput!) { createStore(input: $input) { id version } }`;
const ADD = `mutation ($storeId: ID!, $body: String!) { addStoreNote(storeId: $storeId, body: $body) { ${NOTE} } }`;
const DELETE = `mutation ($id: ID!) { deleteStoreNote(id: $id) }`;
const NOTES = `query ($id: ID!, $first: Int, $after: String) { store(id: $id) { version
  notes(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${NOTE} } } } } }`;
const DELETE_STORE = `mutation ($id: ID!, $v: Int!) { deleteStore(id: $id, expectedVersion: $v) }`;

interface Note {
  id: string;
  body: string;
  createdAt: string;
  author: { kind: string; id: string | null; user: { id: string } | null };
}
interface NotesPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Note }[];
}

describe.each(TEST_BACKENDS)('store notes on a real database (%s)', (backend) => {
  let stores: Awaited<ReturnType<typeof startStores>>;
  const author = userPrincipal('OPERATOR');
  const otherOperator = userPrincipal('OPERATOR');
  const admin = userPrincipal('ADMIN');
  const viewer = userPrincipal('VIEWER');

  const createStore = async (): Promise<{ id: string; version: number }> => {
    const result = await stores.call(author, CREATE, { input: storeInput() });
    if (!result.data?.createStore) throw new Error(JSON.stringify(result.errors));
    return result.data.createStore as { id: string; version: number };
  };
  const addNote = async (storeId: string, body: string, as = author): Promise<Note> => {
    const result = await stores.call(as, ADD, { storeId, body });
    if (!result.data?.addStoreNote) throw new Error(JSON.stringify(result.errors));
    return result.data.addStoreNote as Note;
  };
  const notesOf = async (id: string, first?: number, after?: string): Promise<NotesPage> => {
    const result = await stores.call(viewer, NOTES, { id, first, after });
    if (!result.data?.store) throw new Error(JSON.stringify(result.errors));
    return (result.data.store as { notes: NotesPage }).notes;
  };

  beforeAll(async () => {
    stores = await startStores(backend);
  });
  afterAll(() => stores?.stop());

  it('adds a trimmed note by its author without changing the store (no version, audit entry or event)', async () => {
    const store = await createStore();
    const note = await addNote(store.id, '  Visited: tills fine.\nBack door sticks.  ');
    expect(note).toMatchObject({
      body: 'Visited: tills fine.\nBack door sticks.',
      author: { kind: 'USER', id: author.userId, user: { id: author.userId } },
    });
    expect(await stores.db.storeNote.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({
      storeId: store.id,
      body: note.body,
      authorKind: 'user',
      authorId: author.userId,
      userId: author.userId,
    });
    expect((await stores.db.store.findUniqueOrThrow({ where: { id: store.id } })).version).toBe(1);
    expect(await stores.db.storeAuditEntry.count({ where: { storeId: store.id } })).toBe(1);
    expect(await stores.db.outboxEvent.count({ where: { aggregateId: store.id } })).toBe(1);
  });

  it('records an API key as the author, acting for its owner', async () => {
    const store = await createStore();
    const key = apiKeyPrincipal('OPERATOR', ['stores:write']);
    const note = await addNote(store.id, 'Nightly check ran', key);
    expect(note.author).toEqual({ kind: 'API_KEY', id: key.apiKeyId, user: { id: key.userId } });
  });

  it('takes notes in any status, a decommissioned store included', async () => {
    const store = await createStore();
    // The lifecycle path to DECOMMISSIONED needs provisioning done; the status is what matters here.
    await stores.db.$executeRaw`UPDATE "Store" SET "status" = 'DECOMMISSIONED' WHERE "id" = ${store.id}::uuid`;
    await addNote(store.id, 'Keys handed back to the landlord');
    expect((await notesOf(store.id)).totalCount).toBe(1);
  });

  it('lists notes newest first in pages, across notes written in the same millisecond', async () => {
    const store = await createStore();
    const other = await createStore();
    await addNote(other.id, 'Not this store’s');
    const written: string[] = [];
    for (let i = 1; i <= 5; i += 1) written.push((await addNote(store.id, `Note ${i}`)).id);
    // Same timestamp for two of them: the id breaks the tie, so paging neither skips nor repeats.
    const at = new Date('2026-12-01T10:00:00.000Z');
    await stores.db.storeNote.updateMany({ where: { id: { in: written.slice(0, 2) } }, data: { createdAt: at } });

    const first = await notesOf(store.id, 2);
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const pages = [first];
    while (pages.at(-1)!.pageInfo.hasNextPage)
      pages.push(await notesOf(store.id, 2, pages.at(-1)!.pageInfo.endCursor!));
    expect(pages.map((page) => page.edges.length)).toEqual([2, 2, 1]);
    const tied = written.slice(0, 2).sort().reverse();
    expect(pages.flatMap((page) => page.edges.map((e) => e.node.id))).toEqual([...written.slice(2).reverse(), ...tied]);
    expect((await notesOf(store.id)).edges.map((e) => e.node.body)).toEqual([
      'Note 5',
      'Note 4',
      'Note 3',
      ...tied.map((id) => `Note ${written.indexOf(id) + 1}`),
    ]);

    const badCursor = await stores.call(viewer, NOTES, { id: store.id, after: 'nonsense' });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const badSize = await stores.call(viewer, NOTES, { id: store.id, first: 0 });
    expect(badSize.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses bad input, unknown stores and viewers, writing nothing', async () => {
    const store = await createStore();
    const refused = async (as: typeof author, storeId: string, body: string) =>
      (await stores.call(as, ADD, { storeId, body })).errors?.[0]?.extensions;
    expect(await refused(author, store.id, ' \n ')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(await refused(author, store.id, 'x'.repeat(4001))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(await refused(author, 'ST-0001', 'Hello')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'storeId' });
    expect(await refused(author, '00000000-0000-4000-8000-000000000000', 'Hello')).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await refused(viewer, store.id, 'Hello')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(apiKeyPrincipal('OPERATOR', ['stores:read']), store.id, 'Hello')).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await stores.db.storeNote.count({ where: { storeId: store.id } })).toBe(0);
    expect(await addNote(store.id, 'x'.repeat(4000))).toMatchObject({ body: 'x'.repeat(4000) });
  });

  it('lets only the author (also through their API key) or an admin delete a note', async () => {
    const store = await createStore();
    const [mine, viaKey, forAdmin] = [
      await addNote(store.id, 'Mine'),
      await addNote(store.id, 'Mine too'),
      await addNote(store.id, 'Admin tidies this'),
    ];
    const deleted = async (as: typeof author, id: string) => stores.call(as, DELETE, { id });

    expect((await deleted(otherOperator, mine.id)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await deleted(viewer, mine.id)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await stores.db.storeNote.count({ where: { storeId: store.id } })).toBe(3);

    expect((await deleted(author, mine.id)).data).toEqual({ deleteStoreNote: mine.id });
    const ownKey = apiKeyPrincipal('OPERATOR', ['stores:write'], { userId: author.userId });
    expect((await deleted(ownKey, viaKey.id)).data).toEqual({ deleteStoreNote: viaKey.id });
    expect((await deleted(admin, forAdmin.id)).data).toEqual({ deleteStoreNote: forAdmin.id });
    expect(await stores.db.storeNote.count({ where: { storeId: store.id } })).toBe(0);

    expect((await deleted(author, mine.id)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await deleted(admin, 'not-a-note')).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await stores.db.store.findUniqueOrThrow({ where: { id: store.id } })).version).toBe(1);
  });

  it('deletes a store’s notes with the store (a draft), its audit trail staying', async () => {
    const store = await createStore();
    await addNote(store.id, 'Plans changed');
    const result = await stores.call(admin, DELETE_STORE, { id: store.id, v: store.version });
    expect(result.errors).toBeUndefined();
    expect(await stores.db.storeNote.count({ where: { storeId: store.id } })).toBe(0);
    expect(await stores.db.storeAuditEntry.count({ where: { storeId: store.id } })).toBe(2);
  });
});
