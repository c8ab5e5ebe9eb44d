import { groupBy, groupedLoader, loaderById, loaderByKey } from './loaders.ts';

describe('request loaders', () => {
  it('batches the keys of one tick into one call and answers in their order, null for a missing one', async () => {
    const calls: (readonly string[])[] = [];
    const loader = loaderById(async (ids) => {
      calls.push(ids);
      return [
        { id: 'b', n: 2 },
        { id: 'a', n: 1 },
      ].filter((row) => ids.includes(row.id));
    });
    expect(await Promise.all([loader.load('a'), loader.load('b'), loader.load('z')])).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
      null,
    ]);
    expect(calls).toEqual([['a', 'b', 'z']]);
  });

  it('keys rows by any field', async () => {
    const loader = loaderByKey(
      async () => [{ userId: 'u1', role: 'x' }],
      (row) => row.userId,
    );
    expect(await loader.loadMany(['u1', 'u2'])).toEqual([{ userId: 'u1', role: 'x' }, null]);
  });

  it('hands each key its group, [] for a key without rows', async () => {
    const rows = [
      { storeId: 's1', n: 1 },
      { storeId: 's2', n: 2 },
      { storeId: 's1', n: 3 },
    ];
    const loader = groupedLoader(async () => groupBy(rows, (row) => row.storeId));
    expect(await loader.loadMany(['s1', 's3', 's2'])).toEqual([[rows[0], rows[2]], [], [rows[1]]]);
  });
});
