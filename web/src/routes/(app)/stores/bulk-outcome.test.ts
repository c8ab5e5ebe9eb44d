import { describe, expect, it } from '@jest/globals';
import { outcomeRows } from './bulk-outcome.ts';

describe('bulk outcome rows', () => {
  it('names stores as the selection knew them, falling back to the result, then the id', () => {
    const names = new Map([['a', { name: 'Alpha', code: 'ST-0001' }]]);
    const rows = outcomeRows(
      [
        { id: 'a', ok: true, store: { name: 'Renamed', code: 'ST-0001' } },
        { id: 'b', ok: true, store: { name: 'Beta', code: 'ST-0002' } },
        { id: 'c', ok: false, store: null, error: { message: 'Store c not found' } },
      ],
      names,
      (r) => (r.ok ? undefined : r.error?.message),
    );
    expect(rows).toEqual([
      { id: 'a', name: 'Alpha', code: 'ST-0001', ok: true, text: undefined },
      { id: 'b', name: 'Beta', code: 'ST-0002', ok: true, text: undefined },
      { id: 'c', name: 'c', code: '', ok: false, text: 'Store c not found' },
    ]);
  });
});
