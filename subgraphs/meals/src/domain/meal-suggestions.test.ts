import { isDinnerRecipe, suggestDinners } from './meal-suggestions.ts';
import type { MealPlanEntry } from './types.ts';

const recipe = (id: string, tags: string[] = [], minutes = 30, servings = 4) => ({
  id,
  servings,
  tags,
  prepMinutes: 10,
  cookMinutes: minutes - 10,
});
const days = ['2026-11-23', '2026-11-24', '2026-11-25'];
const first = () => 0;

describe('suggestDinners', () => {
  it('fills only empty dinner slots, skipping recent recipes and those already in the week', () => {
    const planned: MealPlanEntry[] = [
      { id: 'e1', householdId: 'h', date: '2026-11-23', slot: 'DINNER', recipeId: 'a', servings: 2, note: null },
    ];
    const suggestions = suggestDinners(
      days,
      planned,
      [recipe('a'), recipe('b'), recipe('c'), recipe('d')],
      new Set(['b']),
      { tag: null, maxTotalMinutes: null },
      2,
      first,
    );
    expect(suggestions).toEqual([
      { date: '2026-11-24', slot: 'DINNER', recipeId: 'c', servings: 4, note: null },
      { date: '2026-11-25', slot: 'DINNER', recipeId: 'd', servings: 4, note: null },
    ]);
  });

  it('applies the tag and time rules and leaves slots empty rather than repeating a recipe', () => {
    const candidates = [
      recipe('quick', ['vegetarian'], 20),
      recipe('slow', ['vegetarian'], 120),
      recipe('meat', [], 20),
    ];
    const suggestions = suggestDinners(
      days,
      [],
      candidates,
      new Set(),
      { tag: 'Vegetarian', maxTotalMinutes: 30 },
      2,
      first,
    );
    expect(suggestions.map((s) => [s.date, s.recipeId])).toEqual([['2026-11-23', 'quick']]);
  });

  it('never suggests a breakfast, dessert or side, prefers recipes tagged for dinner, and feeds the household', () => {
    const candidates = [
      recipe('oats', ['breakfast', 'quick'], 5, 1),
      recipe('cake', ['Dessert'], 60, 8),
      recipe('stew', ['family'], 90, 4),
      recipe('curry', ['Main Course'], 40, 1),
    ];
    const suggestions = suggestDinners(days, [], candidates, new Set(), { tag: null, maxTotalMinutes: null }, 3, first);
    expect(suggestions).toEqual([
      { date: '2026-11-23', slot: 'DINNER', recipeId: 'curry', servings: 3, note: null },
      { date: '2026-11-24', slot: 'DINNER', recipeId: 'stew', servings: 4, note: null },
    ]);
  });
});

describe('isDinnerRecipe', () => {
  it.each([
    [[], true],
    [['vegetarian', 'quick'], true],
    [['breakfast'], false],
    [['Breakfast', 'quick'], false],
    [['side dish'], false],
    [['brunch', 'dinner'], true],
    [['Main Course', 'Italian'], true],
  ])('%p → %p', (tags, expected) => {
    expect(isDinnerRecipe(tags)).toBe(expected);
  });
});
