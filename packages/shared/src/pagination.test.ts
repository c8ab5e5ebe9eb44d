import { decodeCursor, encodeCursor, pageSize, toConnection } from './pagination.ts';

describe('pagination', () => {
  it('round-trips cursors and refuses garbage with BAD_USER_INPUT on the field', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01T00:00:00.000Z', 'id-1']))).toEqual([
      '2026-01-01T00:00:00.000Z',
      'id-1',
    ]);
    expect(() => decodeCursor('not-a-cursor')).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
    );
  });

  it('bounds page sizes', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(10)).toBe(10);
    expect(() => pageSize(0)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } }),
    );
    expect(() => pageSize(1000, { max: 200 })).toThrow(/between 1 and 200/);
  });

  it('uses the extra row only to tell that a next page exists', () => {
    const page = toConnection([1, 2, 3], 2, String, 10);
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: '2' });
    expect(toConnection([1], 2, String, 1).pageInfo.hasNextPage).toBe(false);
  });
});
