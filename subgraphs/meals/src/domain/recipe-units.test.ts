import { recipeAmount } from './recipe-units.ts';

describe('recipeAmount', () => {
  it.each([
    // [quantity, unit, food, system, text, converted]
    [2, 'cup', 'flour', 'METRIC', '240 g', true],
    [0.75, 'cup', 'water', 'METRIC', '180 ml', true],
    [1, 'lb', 'beef mince', 'METRIC', '450 g', true],
    [2, 'quart', 'chicken stock', 'METRIC', '1.9 l', true],
    [120, 'g', 'flour', 'US', '1 cup', true],
    [400, 'g', 'chopped tomatoes', 'US', '14 oz', true],
    [250, 'ml', 'milk', 'US', '1 cup', true],
    [30, 'g', 'butter', 'US', '2 tbsp', true],
    // Already in the reader's system, spoons, counts and units without a dimension: as written.
    [2, 'cup', 'flour', 'US', '2 cups', false],
    [340, 'g', 'flour', 'METRIC', '340 g', false],
    [1.5, 'tbsp', 'olive oil', 'US', '1½ tbsp', false],
    [1, 'tsp', 'salt', 'METRIC', '1 tsp', false],
    [3, null, 'eggs', 'US', '3', false],
    [1, 'can', 'chopped tomatoes', 'METRIC', '1 can', false],
  ] as const)('%p %p %p in %p → %p', (quantity, unit, food, system, text, converted) => {
    expect(recipeAmount(quantity, unit, food, system)).toMatchObject({ text, converted });
  });

  it('keeps the converted quantity and unit apart from the text', () => {
    expect(recipeAmount(1, 'cup', 'sugar', 'METRIC')).toEqual({
      quantity: 200,
      unit: 'g',
      text: '200 g',
      converted: true,
    });
  });
});
