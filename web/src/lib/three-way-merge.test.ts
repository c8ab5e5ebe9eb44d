import { describe, expect, it } from '@jest/globals';
import { mergeThreeWay, resolveMerge } from './three-way-merge.ts';

const base = { name: 'Corner Shop', city: 'Berlin', timezone: 'Europe/Berlin', country: 'DE' };

describe('three-way merge', () => {
  it('keeps their rename when I changed only the city', () => {
    const merge = mergeThreeWay(base, { ...base, name: 'Corner Shop North' }, { ...base, city: 'Hamburg' });
    expect(merge.clashes).toEqual([]);
    expect(merge.theirs).toEqual([{ field: 'name', from: 'Corner Shop', to: 'Corner Shop North' }]);
    expect(merge.mine).toEqual([{ field: 'city', from: 'Berlin', to: 'Hamburg' }]);
    expect(merge.values).toEqual({ ...base, name: 'Corner Shop North', city: 'Hamburg' });
  });

  it('overwriting with mine settles clashes only, never a field only they changed', () => {
    const theirs = { ...base, name: 'Theirs', timezone: 'Europe/Vienna' };
    const mine = { ...base, name: 'Mine', city: 'Hamburg' };
    const merge = mergeThreeWay(base, theirs, mine);
    expect(merge.clashes).toEqual([{ field: 'name', base: 'Corner Shop', theirs: 'Theirs', mine: 'Mine' }]);
    expect(resolveMerge(merge, {}, 'mine')).toEqual({
      name: 'Mine',
      city: 'Hamburg',
      timezone: 'Europe/Vienna',
      country: 'DE',
    });
  });

  it('settles each clash as chosen, the fallback only where none was chosen', () => {
    const merge = mergeThreeWay(
      base,
      { ...base, name: 'Theirs', city: 'Munich' },
      { ...base, name: 'Mine', city: 'Hamburg' },
    );
    expect(merge.clashes.map((c) => c.field)).toEqual(['name', 'city']);
    expect(resolveMerge(merge, { name: 'theirs', city: 'mine' }, 'mine')).toMatchObject({
      name: 'Theirs',
      city: 'Hamburg',
    });
    expect(resolveMerge(merge, { city: 'mine' }, 'theirs')).toMatchObject({ name: 'Theirs', city: 'Hamburg' });
  });

  it('the same change on both sides is agreed, not a clash', () => {
    const merge = mergeThreeWay(base, { ...base, city: 'Hamburg' }, { ...base, city: 'Hamburg' });
    expect(merge.clashes).toEqual([]);
    expect(merge.agreed).toEqual([{ field: 'city', from: 'Berlin', to: 'Hamburg' }]);
    expect(merge.values.city).toBe('Hamburg');
  });

  it('nothing changed on my side takes theirs as it is', () => {
    const theirs = { ...base, country: 'AT', timezone: 'Europe/Vienna' };
    const merge = mergeThreeWay(base, theirs, base);
    expect(merge.mine).toEqual([]);
    expect(merge.values).toEqual(theirs);
  });

  it('a field I cleared is my change, kept over their untouched value', () => {
    const merge = mergeThreeWay(
      { ...base, region: 'Bavaria' },
      { ...base, region: 'Bavaria', name: 'X' },
      {
        ...base,
        region: '',
      },
    );
    expect(merge.values).toMatchObject({ region: '', name: 'X' });
  });
});
