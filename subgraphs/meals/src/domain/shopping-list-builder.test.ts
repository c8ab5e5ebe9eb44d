import { parseIngredient } from './ingredient-parser.ts';
import { buildShoppingList, type PlannedRecipe } from './shopping-list-builder.ts';

const recipe = (lines: string[], factor = 1): PlannedRecipe => ({ ingredients: lines.map(parseIngredient), factor });

describe('buildShoppingList', () => {
  it('merges flour given in g, kg and cups into one line in grams (a cup of flour is about 120 g)', () => {
    const list = buildShoppingList([recipe(['200 g flour']), recipe(['1 kg flour']), recipe(['1 cup flour, sifted'])]);
    expect(list.filter((line) => line.food === 'flour')).toEqual([
      { food: 'flour', quantity: 1320, unit: 'g', category: 'Pantry' },
    ]);
  });

  it('merges teaspoons and tablespoons of one spice into teaspoons', () => {
    const list = buildShoppingList([recipe(['1 tsp ground cumin']), recipe(['1 tbsp ground cumin'])]);
    expect(list).toEqual([{ food: 'ground cumin', quantity: 4, unit: 'tsp', category: 'Spices & Herbs' }]);
  });

  it('converts other volumes to millilitres and keeps volumes of foods without a density as volumes', () => {
    const list = buildShoppingList([recipe(['1 cup milk']), recipe(['250 ml milk', '1 cup spinach'])]);
    expect(list).toEqual([
      { food: 'spinach', quantity: 235, unit: 'ml', category: 'Produce' },
      { food: 'milk', quantity: 485, unit: 'ml', category: 'Dairy & Eggs' },
    ]);
  });

  it('scales by the planned servings and merges plural and singular names', () => {
    const list = buildShoppingList([recipe(['2 onions'], 1.5), recipe(['1 onion, diced'])]);
    expect(list).toEqual([{ food: 'onions', quantity: 4, unit: null, category: 'Produce' }]);
  });

  it('keeps a food without an amount once, and drops it when another line gives an amount', () => {
    const list = buildShoppingList([recipe(['salt to taste', 'pepper']), recipe(['salt to taste', '1 tsp pepper'])]);
    expect(list).toEqual([
      { food: 'pepper', quantity: 1, unit: 'tsp', category: 'Spices & Herbs' },
      { food: 'salt', quantity: null, unit: null, category: 'Spices & Herbs' },
    ]);
  });

  it('sums units without a dimension as they are and groups lines by aisle', () => {
    const list = buildShoppingList([
      recipe(['2 cloves garlic', '1 can chopped tomatoes', '500 g beef mince']),
      recipe(['3 cloves garlic']),
    ]);
    expect(list.map((line) => [line.category, line.food, line.quantity, line.unit])).toEqual([
      ['Produce', 'chopped tomatoes', 1, 'can'],
      ['Produce', 'garlic', 5, 'clove'],
      ['Meat & Fish', 'beef mince', 500, 'g'],
    ]);
  });
});
