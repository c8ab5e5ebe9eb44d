import { generateListLines } from './generated-list.ts';

const planned = (recipeId: string, title: string, lines: [string, number | null, string | null][], servings = 2) => ({
  entry: { servings, recipeId },
  recipe: { title, servings: 2, ingredients: lines.map(([food, quantity, unit]) => ({ food, quantity, unit })) },
});

describe('generateListLines', () => {
  const week = [
    planned('l', 'Lasagne', [
      ['onions', 2, null],
      ['beef mince', 500, 'g'],
      ['salt', null, null],
    ]),
    planned('c', 'Chili', [
      ['onion', 1, null],
      ['beef mince', 250, 'g'],
    ]),
  ];

  it('links lines to their recipes, uses the aisles the household chose and applies the pantry', () => {
    const lines = generateListLines(
      week,
      [
        { food: 'salt', quantity: null, unit: null },
        { food: 'beef mince', quantity: 0.25, unit: 'kg' },
      ],
      new Map([['onion', 'Veg']]),
    );
    expect(lines.map(({ food, quantity, category, note }) => [food, quantity, category, note])).toEqual([
      ['onions', 3, 'Veg', undefined],
      ['beef mince', 500, 'Meat & Fish', '0.25 kg on hand'],
    ]);
    expect(lines[0]!.sources.map((s) => [s.title, s.quantity])).toEqual([
      ['Lasagne', 2],
      ['Chili', 1],
    ]);
  });
});
