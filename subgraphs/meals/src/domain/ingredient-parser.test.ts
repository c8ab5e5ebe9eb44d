import { parseIngredient } from './ingredient-parser.ts';

type Row = [line: string, quantity: number | null, unit: string | null, food: string, note: string | null];

// Lines as they appear on real recipe sites (BBC Good Food, Allrecipes, Serious Eats, NYT Cooking, Chefkoch translations).
const LINES: Row[] = [
  ['1 1/2 cups flour, sifted', 1.5, 'cup', 'flour', 'sifted'],
  ['2 tbsp olive oil', 2, 'tbsp', 'olive oil', null],
  ['500 g beef mince', 500, 'g', 'beef mince', null],
  ['salt to taste', null, null, 'salt', 'to taste'],
  ['½ tsp cumin', 0.5, 'tsp', 'cumin', null],
  ['2-3 cloves garlic', 3, 'clove', 'garlic', null],
  ['2 – 3 cloves garlic, minced', 3, 'clove', 'garlic', 'minced'],
  ['1 ½ cups milk', 1.5, 'cup', 'milk', null],
  ['1½ cups milk', 1.5, 'cup', 'milk', null],
  ['⅓ cup honey', 1 / 3, 'cup', 'honey', null],
  ['¾ cup water', 0.75, 'cup', 'water', null],
  ['1⁄2 cup milk', 0.5, 'cup', 'milk', null],
  ['3/4 cup sugar', 0.75, 'cup', 'sugar', null],
  ['500g spaghetti', 500, 'g', 'spaghetti', null],
  ['1.5kg potatoes, peeled', 1.5, 'kg', 'potatoes', 'peeled'],
  ['1,5 kg potatoes', 1.5, 'kg', 'potatoes', null],
  ['200ml double cream', 200, 'ml', 'double cream', null],
  ['1 l chicken stock', 1, 'l', 'chicken stock', null],
  ['3 eggs', 3, null, 'eggs', null],
  ['1 egg, beaten', 1, null, 'egg', 'beaten'],
  ['2 large eggs', 2, null, 'large eggs', null],
  ['1 large onion, finely chopped', 1, null, 'large onion', 'finely chopped'],
  ['Salt', null, null, 'Salt', null],
  ['Freshly ground black pepper', null, null, 'Freshly ground black pepper', null],
  ['salt and pepper to taste', null, null, 'salt and pepper', 'to taste'],
  ['olive oil, for frying', null, null, 'olive oil', 'for frying'],
  ['fresh parsley, to serve', null, null, 'fresh parsley', 'to serve'],
  ['a pinch of salt', 1, 'pinch', 'salt', null],
  ['2 cups of flour', 2, 'cup', 'flour', null],
  ['1 tsp. baking soda', 1, 'tsp', 'baking soda', null],
  ['1 Tbsp soy sauce', 1, 'tbsp', 'soy sauce', null],
  ['2 T butter', 2, 'tbsp', 'butter', null],
  ['1 t salt', 1, 'tsp', 'salt', null],
  ['3 tablespoons unsalted butter, melted', 3, 'tbsp', 'unsalted butter', 'melted'],
  ['1/4 teaspoon freshly ground black pepper', 0.25, 'tsp', 'freshly ground black pepper', null],
  ['2 cups (250 g) all-purpose flour', 2, 'cup', 'all-purpose flour', '250 g'],
  ['2 (15 ounce) cans black beans, drained and rinsed', 2, 'can', 'black beans', '15 ounce, drained and rinsed'],
  ['1 can (400 ml) coconut milk', 1, 'can', 'coconut milk', '400 ml'],
  ['1 package (8 oz) cream cheese, softened', 1, 'package', 'cream cheese', '8 oz, softened'],
  ['1 pound boneless chicken breasts', 1, 'lb', 'boneless chicken breasts', null],
  ['2 lbs potatoes', 2, 'lb', 'potatoes', null],
  ['12 oz pasta', 12, 'oz', 'pasta', null],
  ['10 fl oz milk', 10, 'fl oz', 'milk', null],
  ['2 sprigs fresh thyme', 2, 'sprig', 'fresh thyme', null],
  ['1 bunch coriander, chopped', 1, 'bunch', 'coriander', 'chopped'],
  ['4 slices bacon', 4, 'slice', 'bacon', null],
  ['1 stick butter', 1, 'stick', 'butter', null],
  ['1 head cauliflower', 1, 'head', 'cauliflower', null],
  ['2 stalks celery, sliced', 2, 'stalk', 'celery', 'sliced'],
  ['2 to 3 tablespoons lemon juice', 3, 'tbsp', 'lemon juice', null],
  ['1 or 2 green chillies', 2, null, 'green chillies', null],
  ['100g dark chocolate (70%)', 100, 'g', 'dark chocolate', '70%'],
  ['1 ½ tsp vanilla extract', 1.5, 'tsp', 'vanilla extract', null],
  ['0.5 kg carrots', 0.5, 'kg', 'carrots', null],
  ['.5 cup rice', 0.5, 'cup', 'rice', null],
  ['5 cups chicken broth', 5, 'cup', 'chicken broth', null],
  ['1 1/4 cups milk', 1.25, 'cup', 'milk', null],
  ['2 tsp ground cinnamon', 2, 'tsp', 'ground cinnamon', null],
  ['1 cup grated Parmesan cheese (optional)', 1, 'cup', 'grated Parmesan cheese', 'optional'],
  ['Juice of 1 lemon', null, null, 'Juice of 1 lemon', null],
  ['1 kg beef mince', 1, 'kg', 'beef mince', null],
  ['250 g cherry tomatoes, halved', 250, 'g', 'cherry tomatoes', 'halved'],
  ['1 handful basil leaves', 1, 'handful', 'basil leaves', null],
  ['an onion', null, null, 'an onion', null],
];

describe('parseIngredient', () => {
  it('has a table of at least 40 real-world lines', () => expect(LINES.length).toBeGreaterThanOrEqual(40));

  it.each(LINES)('%s', (line, quantity, unit, food, note) => {
    const parsed = parseIngredient(line);
    expect({ ...parsed, quantity: parsed.quantity === null ? null : Number(parsed.quantity.toFixed(4)) }).toEqual({
      quantity: quantity === null ? null : Number(quantity.toFixed(4)),
      unit,
      food,
      note,
      raw: line,
    });
  });
});
