import { recipeInputSchema } from './inputs.ts';
import { toRecipeDraft } from './recipe-draft.ts';
import type { ImportedRecipe } from './recipe-page.ts';

const page = (over: Partial<ImportedRecipe> = {}): ImportedRecipe => ({
  title: 'Flatbread',
  description: 'Quick.',
  servings: 6,
  servingsStated: true,
  prepMinutes: 10,
  cookMinutes: 20,
  ingredients: ['2 cups flour', '1 tsp salt'],
  steps: ['Knead.', 'Bake.'],
  tags: ['bread'],
  sourceUrl: 'https://example.com/flatbread',
  imageUrl: 'https://example.com/flatbread.jpg',
  nutrition: { calories: 200, protein: 5, carbs: 40, fat: 2 },
  ...over,
});

/** What the web form sends to createRecipe when the draft is saved unchanged. */
const asInput = ({ warnings: _warnings, ...draft }: ReturnType<typeof toRecipeDraft>) => ({
  ...draft,
  ingredients: draft.ingredients.map((i) => ({ raw: i.raw })),
});

describe('toRecipeDraft', () => {
  it('keeps a well-formed page as it is, ingredient lines parsed, without warnings', () => {
    const draft = toRecipeDraft(page());
    expect(draft.warnings).toEqual([]);
    expect(draft).toMatchObject({ title: 'Flatbread', servings: 6, tags: ['bread'] });
    expect(draft.ingredients[0]).toMatchObject({ quantity: 2, unit: 'cup', food: 'flour', raw: '2 cups flour' });
  });

  it('fits everything to what createRecipe accepts, with one warning per change, naming the field', () => {
    const draft = toRecipeDraft(
      page({
        title: 'T'.repeat(250),
        servings: 4,
        servingsStated: false,
        prepMinutes: 20_000,
        ingredients: Array.from({ length: 210 }, (_, i) => `${i + 1} g sugar`),
        steps: ['x'.repeat(6000)],
        tags: [...Array.from({ length: 29 }, (_, i) => `tag${i}`), 'y'.repeat(60), 'last'],
        imageUrl: 'data:image/png;base64,AAAA',
        nutrition: { calories: -5, protein: null, carbs: 3, fat: 2 },
      }),
    );
    expect(draft.warnings.map((w) => [w.code, w.field])).toEqual([
      ['SHORTENED', 'title'],
      ['SERVINGS_ASSUMED', 'servings'],
      ['OUT_OF_RANGE', 'prepMinutes'],
      ['DROPPED', 'ingredients'],
      ['SHORTENED', 'steps.0'],
      ['DROPPED', 'tags'],
      ['DROPPED', 'tags'],
      ['OUT_OF_RANGE', 'nutrition.calories'],
      ['NOT_AN_HTTP_URL', 'imageUrl'],
    ]);
    expect(draft).toMatchObject({ prepMinutes: 10_000, imageUrl: null, nutrition: { calories: null, carbs: 3 } });
    expect(draft.ingredients).toHaveLength(200);
    expect(draft.tags).toHaveLength(29);
    expect(() => recipeInputSchema.parse(asInput(draft))).not.toThrow();
  });

  it('warns about a page without ingredients or method', () => {
    expect(toRecipeDraft(page({ ingredients: [], steps: [] })).warnings.map((w) => w.code)).toEqual([
      'NO_INGREDIENTS',
      'NO_STEPS',
    ]);
  });
});
