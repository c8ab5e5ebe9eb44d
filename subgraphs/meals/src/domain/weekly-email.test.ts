import { renderWeeklyEmail } from './weekly-email.ts';

describe('renderWeeklyEmail', () => {
  const email = renderWeeklyEmail({
    householdName: 'The <Smiths>',
    units: 'METRIC',
    weekStart: '2026-11-23',
    recipientName: 'Ann',
    meals: [
      { date: '2026-11-24', slot: 'DINNER', title: 'Chicken Curry', servings: 4, note: null },
      { date: '2026-11-24', slot: 'BREAKFAST', title: 'Pancakes', servings: 2, note: 'double batch' },
    ],
    items: [
      { food: 'flour', quantity: 320, unit: 'g', category: 'Pantry', checked: false },
      { food: 'salt', quantity: null, unit: null, category: 'Spices & Herbs', checked: false },
      { food: 'milk', quantity: 500, unit: 'ml', category: 'Dairy & Eggs', checked: true },
    ],
  });

  it('lists each day with its meals in slot order', () => {
    expect(email.subject).toBe('Meal plan for the week of 2026-11-23 - The <Smiths>');
    expect(email.text).toContain(
      'Tuesday 24 November\n  Breakfast: Pancakes (2 servings) - double batch\n  Dinner: Chicken Curry (4 servings)',
    );
    expect(email.text).toContain('Monday 23 November\n  nothing planned');
  });

  it('lists what is still to buy by aisle and escapes HTML', () => {
    expect(email.text).toContain('  Pantry\n    - 320 g flour\n  Spices & Herbs\n    - salt');
    expect(email.text).not.toContain('milk');
    expect(email.html).toContain('The &lt;Smiths&gt;');
  });
});
