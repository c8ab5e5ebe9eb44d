import { roundQuantity, scaleIngredients } from './rounding.ts';

describe('roundQuantity', () => {
  it.each([
    [333.333, 'g', 335],
    [1234, 'g', 1230],
    [47.4, 'ml', 47],
    [7.3, 'g', 7.5],
    [0.333, 'l', 0.33],
    [1.45, 'cup', 1.5],
    [1.4, 'cup', 4 / 3],
    [0.3, 'tsp', 1 / 3],
    [2.72, null, 2.75],
    [0.05, null, 1],
    [0.02, 'tsp', 0.125],
    [12.4, 'tbsp', 12],
  ])('%d %s -> %d', (quantity, unit, expected) => expect(roundQuantity(quantity, unit)).toBeCloseTo(expected, 4));
});

describe('scaleIngredients', () => {
  it('scales amounts by servings and leaves unquantified lines alone', () => {
    const scaled = scaleIngredients(
      [
        { quantity: 500, unit: 'g', food: 'beef mince' },
        { quantity: 1, unit: null, food: 'onion' },
        { quantity: null, unit: null, food: 'salt' },
      ],
      4,
      6,
    );
    expect(scaled).toEqual([
      { quantity: 750, unit: 'g', food: 'beef mince' },
      { quantity: 1.5, unit: null, food: 'onion' },
      { quantity: null, unit: null, food: 'salt' },
    ]);
  });
});
