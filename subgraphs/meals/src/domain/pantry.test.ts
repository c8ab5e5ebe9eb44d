import { applyPantry, isStaple, onHandNote, whatCanIMake } from './pantry.ts';
import type { ShoppingLine } from './shopping-list-builder.ts';

const line = (food: string, quantity: number | null, unit: string | null): ShoppingLine => ({
  food,
  quantity,
  unit,
  category: 'Other',
});

describe('applyPantry', () => {
  it('leaves off a food on hand without a quantity, matched by food key', () => {
    expect(
      applyPantry(
        [line('onions', 5, null), line('milk', 500, 'ml')],
        [{ food: 'Large Onion', quantity: null, unit: null }],
      ),
    ).toEqual([line('milk', 500, 'ml')]);
  });

  it('reduces by an amount in a unit of the same dimension and notes it', () => {
    expect(applyPantry([line('flour', 1500, 'g')], [{ food: 'flour', quantity: 1, unit: 'kg' }])).toEqual([
      { ...line('flour', 500, 'g'), note: '1 kg on hand' },
    ]);
    expect(applyPantry([line('eggs', 6, null)], [{ food: 'egg', quantity: 2, unit: null }])).toEqual([
      { ...line('eggs', 4, null), note: '2 on hand' },
    ]);
  });

  it('leaves off a line the pantry covers, and keeps one in a unit that does not convert with a note', () => {
    expect(applyPantry([line('milk', 500, 'ml')], [{ food: 'milk', quantity: 1, unit: 'l' }])).toEqual([]);
    expect(applyPantry([line('tomatoes', 2, 'can')], [{ food: 'tomato', quantity: 300, unit: 'g' }])).toEqual([
      { ...line('tomatoes', 2, 'can'), note: '300 g on hand' },
    ]);
  });

  it('leaves off a line without an amount when the food is on hand in any amount', () => {
    expect(applyPantry([line('salt', null, null)], [{ food: 'salt', quantity: 10, unit: 'g' }])).toEqual([]);
  });
});

describe('whatCanIMake', () => {
  const recipes = [
    { id: '1', title: 'Omelette', ingredients: [{ food: 'eggs' }, { food: 'butter' }, { food: 'salt' }] },
    { id: '2', title: 'Pancakes', ingredients: [{ food: 'eggs' }, { food: 'flour' }, { food: 'milk' }] },
    { id: '3', title: 'Boiled egg', ingredients: [{ food: 'egg' }, { food: 'water' }] },
    { id: '4', title: 'Empty', ingredients: [] },
  ];
  const pantry = [{ food: 'Egg' }, { food: 'butter' }];

  it('lists recipes fully on hand, staples counting as on hand', () => {
    expect(whatCanIMake(recipes, pantry, 0).map((m) => [m.recipe.title, m.missing])).toEqual([
      ['Boiled egg', []],
      ['Omelette', []],
    ]);
  });

  it('with N missing, fewest missing first, naming them', () => {
    expect(whatCanIMake(recipes, pantry, 2).map((m) => [m.recipe.title, m.missing])).toEqual([
      ['Boiled egg', []],
      ['Omelette', []],
      ['Pancakes', ['flour', 'milk']],
    ]);
  });
});

it('knows the staples and writes what is on hand', () => {
  expect(isStaple('Salt')).toBe(true);
  expect(isStaple('olive oil')).toBe(false);
  expect(onHandNote({ food: 'eggs', quantity: 2, unit: null })).toBe('2 on hand');
  expect(onHandNote({ food: 'rice', quantity: null, unit: null })).toBe('on hand');
});
