import { shoppingLabel } from './display-units.ts';
import { parseIngredient } from './ingredient-parser.ts';
import { buildShoppingList, type PlannedRecipe, type ShoppingLine } from './shopping-list-builder.ts';

const recipe = (lines: string[], factor = 1): PlannedRecipe => ({ ingredients: lines.map(parseIngredient), factor });
const labels = (list: ShoppingLine[], system: 'METRIC' | 'US' = 'METRIC') =>
  list.map((line) => [line.category, shoppingLabel(line, system)]);

describe('buildShoppingList', () => {
  it('merges flour given in g, kg and cups into one exact line in grams (a cup of flour is about 120 g)', () => {
    const list = buildShoppingList([recipe(['200 g flour']), recipe(['1 kg flour']), recipe(['1 cup flour, sifted'])]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ food: 'flour', unit: 'g', category: 'Pantry' });
    expect(list[0]!.quantity).toBeCloseTo(1200 + 236.588 * 0.51, 6);
    expect(labels(list)).toEqual([['Pantry', '1.3 kg flour']]);
  });

  it('keeps volumes exact in millilitres, shown in spoons while small', () => {
    const list = buildShoppingList([recipe(['1 tsp ground cumin']), recipe(['1 tbsp ground cumin'])]);
    expect(list[0]!.unit).toBe('ml');
    expect(list[0]!.quantity).toBeCloseTo(4.92892 + 14.7868, 6);
    expect(labels(list)).toEqual([['Spices & Herbs', '1⅓ tbsp ground cumin']]);
  });

  it('shows 33 teaspoons of oil as cups or millilitres', () => {
    const list = buildShoppingList([recipe(['3 tsp olive oil'], 11)]);
    expect(labels(list, 'US')).toEqual([['Pantry', '⅔ cup olive oil']]);
    expect(labels(list, 'METRIC')).toEqual([['Pantry', '160 ml olive oil']]);
  });

  it('keeps volumes of foods without a density as volumes', () => {
    const list = buildShoppingList([recipe(['1 cup milk']), recipe(['250 ml milk', '1 cup spinach'])]);
    expect(labels(list)).toEqual([
      ['Produce', '240 ml spinach'],
      ['Dairy & Eggs', '490 ml milk'],
    ]);
  });

  it('scales by the planned servings and merges plurals and size words into one food', () => {
    const list = buildShoppingList([recipe(['2 large onion'], 1), recipe(['3 onions, diced'])]);
    expect(list).toEqual([{ food: 'onion', quantity: 5, unit: null, category: 'Produce' }]);
    expect(labels(list)).toEqual([['Produce', '5 onions']]);
    expect(buildShoppingList([recipe(['2 onions'], 1.5)])[0]!.quantity).toBe(3);
  });

  it('keeps a food without an amount once, and drops it when another line gives an amount', () => {
    const list = buildShoppingList([recipe(['salt to taste', 'pepper']), recipe(['salt to taste', '1 tsp pepper'])]);
    expect(labels(list)).toEqual([
      ['Spices & Herbs', '1 tsp pepper'],
      ['Spices & Herbs', 'salt'],
    ]);
  });

  it('sums units without a dimension as they are and puts canned goods in the pantry', () => {
    const list = buildShoppingList([
      recipe(['2 cloves garlic', '1 can chopped tomatoes', '500 g beef mince']),
      recipe(['3 cloves garlic', '500 g beef mince', '2 tomatoes']),
    ]);
    expect(labels(list)).toEqual([
      ['Produce', '5 cloves garlic'],
      ['Produce', '2 tomatoes'],
      ['Meat & Fish', '1 kg beef mince'],
      ['Pantry', '1 can chopped tomatoes'],
    ]);
  });
});
