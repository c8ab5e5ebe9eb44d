import { suggestDinners } from './meal-suggestions.ts';
import type { MealPlanEntry } from './types.ts';

const recipe = (id: string, tags: string[] = [], minutes = 30) => ({
  id,
  servings: 4,
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
      first,
    );
    expect(suggestions.map((s) => [s.date, s.recipeId])).toEqual([['2026-11-23', 'quick']]);
  });
});
