import { describe, expect, it } from '@jest/globals';
import type { StoreNoteFieldsFragment } from '$lib/graphql/generated/graphql.js';
import { authorName, canDelete } from './store-notes.ts';

const note = (author: StoreNoteFieldsFragment['author']): StoreNoteFieldsFragment => ({
  id: 'n1',
  body: 'Tills fine',
  createdAt: '2026-12-07T10:00:00.000Z',
  author,
});
const byAnn = note({ kind: 'USER', user: { id: 'ann', displayName: 'Ann' } });

describe('store notes', () => {
  it('names the author: the user, an API key without one, or Switchyard itself', () => {
    expect(authorName(byAnn)).toBe('Ann');
    expect(authorName(note({ kind: 'API_KEY', user: null }))).toBe('an API key');
    expect(authorName(note({ kind: 'SYSTEM', user: null }))).toBe('Switchyard');
  });

  it('offers deleting to the author and to admins only, as the API allows', () => {
    expect(canDelete(byAnn, { id: 'ann', role: 'OPERATOR' })).toBe(true);
    expect(canDelete(byAnn, { id: 'bob', role: 'OPERATOR' })).toBe(false);
    expect(canDelete(byAnn, { id: 'bob', role: 'ADMIN' })).toBe(true);
    expect(canDelete(note({ kind: 'SYSTEM', user: null }), { id: 'bob', role: 'OPERATOR' })).toBe(false);
    expect(canDelete(byAnn, null)).toBe(false);
  });
});
