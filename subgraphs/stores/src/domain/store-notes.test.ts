import { parseInput, type Principal } from '@switchyard/shared';
import { MAX_NOTE_LENGTH, checkNoteDeletable, noteBodySchema } from './store-notes.ts';

const principal = (userId: string, role: Principal['role'], kind: Principal['kind'] = 'user'): Principal => ({
  kind,
  userId,
  role,
  scopes: kind === 'apiKey' ? ['stores:write'] : null,
  sessionId: null,
  apiKeyId: kind === 'apiKey' ? 'key-1' : null,
});
const byUser = (userId: string | null) => ({
  author: { kind: userId ? ('user' as const) : ('system' as const), id: userId, userId },
});

describe('note body', () => {
  const body = (value: unknown) => parseInput(noteBodySchema, value, 'body');

  it('is trimmed and kept otherwise as written, line breaks included', () => {
    expect(body('  Visited: tills fine.\nBack door sticks.  ')).toBe('Visited: tills fine.\nBack door sticks.');
    expect(body('x'.repeat(MAX_NOTE_LENGTH))).toHaveLength(MAX_NOTE_LENGTH);
  });

  it.each([
    ['empty', ''],
    ['blank', ' \n\t '],
    ['too long', 'x'.repeat(MAX_NOTE_LENGTH + 1)],
    ['too long even once trimmed', ` ${'x'.repeat(MAX_NOTE_LENGTH + 1)} `],
  ])('is refused when %s, on field body', (_case, value) => {
    expect(() => body(value)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'body' } }),
    );
  });
});

describe('deleting a note', () => {
  it('is allowed to its author, also through their API key', () => {
    expect(() => checkNoteDeletable(byUser('u1'), principal('u1', 'OPERATOR'))).not.toThrow();
    expect(() => checkNoteDeletable(byUser('u1'), principal('u1', 'OPERATOR', 'apiKey'))).not.toThrow();
  });

  it('is allowed to an admin, for anyone’s note and the system’s', () => {
    expect(() => checkNoteDeletable(byUser('u1'), principal('u2', 'ADMIN'))).not.toThrow();
    expect(() => checkNoteDeletable(byUser(null), principal('u2', 'ADMIN'))).not.toThrow();
  });

  it('is FORBIDDEN to another operator, and to everyone but admins for a note without a user', () => {
    const forbidden = expect.objectContaining({ extensions: { code: 'FORBIDDEN' } });
    expect(() => checkNoteDeletable(byUser('u1'), principal('u2', 'OPERATOR'))).toThrow(forbidden);
    expect(() => checkNoteDeletable(byUser(null), principal('u2', 'OPERATOR'))).toThrow(forbidden);
  });
});
