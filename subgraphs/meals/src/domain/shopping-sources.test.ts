import { sourcesOf, type SourceRecipe } from './shopping-sources.ts';

const recipe = (id: string, ingredients: SourceRecipe['ingredients'], factor = 1): SourceRecipe => ({
  recipe: { id, title: `Recipe ${id}` },
  ingredients,
  factor,
});

describe('sourcesOf', () => {
  const planned = [
    recipe('a', [
      { food: 'flour', quantity: 500, unit: 'g' },
      { food: 'eggs', quantity: 2, unit: null },
    ]),
    recipe(
      'b',
      [
        { food: 'flour', quantity: 1, unit: 'cup' },
        { food: 'large egg', quantity: 1, unit: null },
      ],
      2,
    ),
    recipe('c', [
      { food: 'salt', quantity: null, unit: null },
      { food: 'milk', quantity: 200, unit: 'ml' },
    ]),
  ];

  it('gives each recipe its share in the line unit, volumes of dense foods as grams', () => {
    const flour = sourcesOf({ food: 'flour', quantity: 741.32, unit: 'g' }, planned);
    expect(flour.map((s) => s.recipeId)).toEqual(['a', 'b']);
    expect(flour[0]).toMatchObject({ title: 'Recipe a', quantity: 500, unit: 'g' });
    expect(flour[1]!.quantity).toBeCloseTo(2 * 236.588 * 0.51, 2);
  });

  it('counts, unquantified lines and units of another dimension', () => {
    expect(sourcesOf({ food: 'eggs', quantity: 4, unit: null }, planned).map((s) => [s.recipeId, s.quantity])).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
    expect(sourcesOf({ food: 'salt', quantity: null, unit: null }, planned)).toEqual([
      { recipeId: 'c', title: 'Recipe c', quantity: null, unit: null },
    ]);
    expect(sourcesOf({ food: 'milk', quantity: 200, unit: 'g' }, planned)).toEqual([]);
  });

  it('adds up a recipe planned twice', () => {
    const twice = [
      recipe('a', [{ food: 'milk', quantity: 100, unit: 'ml' }]),
      recipe('a', [{ food: 'milk', quantity: 1, unit: 'l' }]),
    ];
    expect(sourcesOf({ food: 'milk', quantity: 1100, unit: 'ml' }, twice)).toEqual([
      { recipeId: 'a', title: 'Recipe a', quantity: 1100, unit: 'ml' },
    ]);
  });
});
