import { displayAmount, nearestFraction, shoppingLabel } from './display-units.ts';

describe('displayAmount', () => {
  it.each([
    // [quantity, unit, system, shown quantity, shown unit]
    [33, 'tsp', 'US', 2 / 3, 'cup'],
    [33, 'tsp', 'METRIC', 160, 'ml'],
    [162.65, 'ml', 'US', 2 / 3, 'cup'],
    [1000, 'g', 'METRIC', 1, 'kg'],
    [1230, 'g', 'METRIC', 1.25, 'kg'],
    [93, 'g', 'METRIC', 95, 'g'],
    [335, 'g', 'METRIC', 340, 'g'],
    [7.3, 'g', 'METRIC', 7, 'g'],
    [0.4, 'g', 'METRIC', 0.4, 'g'],
    [93, 'g', 'US', 3.25, 'oz'],
    [1000, 'g', 'US', 2.25, 'lb'],
    [2, 'lb', 'METRIC', 900, 'g'],
    [1500, 'ml', 'METRIC', 1.5, 'l'],
    [1500, 'ml', 'US', 1.5, 'quart'],
    [2, 'l', 'US', 2, 'quart'],
    [1, 'cup', 'METRIC', 240, 'ml'],
    [4, 'tsp', 'METRIC', 4 / 3, 'tbsp'],
    [2, 'tsp', 'US', 2, 'tsp'],
    [1, 'tbsp', 'METRIC', 1, 'tbsp'],
    [3, 'tbsp', 'US', 3, 'tbsp'],
    [0.3, 'tsp', 'US', 0.25, 'tsp'],
    [2.4, 'can', 'METRIC', 2.5, 'can'],
    [5, null, 'US', 5, null],
  ] as const)('%p %p in %p → %p %p', (quantity, unit, system, shown, shownUnit) => {
    const amount = displayAmount(quantity, unit, system);
    expect(amount.unit).toBe(shownUnit);
    expect(amount.quantity).toBeCloseTo(shown, 3);
  });
});

describe('nearestFraction', () => {
  it('rounds to a cook’s fractions, whole numbers from 10, never below the least amount', () => {
    expect(nearestFraction(0.687, [1, 2, 3, 4], 1 / 4)).toBeCloseTo(2 / 3, 4);
    expect(nearestFraction(1.49, [1, 2], 1 / 2)).toBe(1.5);
    expect(nearestFraction(12.4, [1, 2], 1)).toBe(12);
    expect(nearestFraction(0.01, [1, 2, 4], 1 / 8)).toBe(1 / 8);
  });
});

describe('shoppingLabel', () => {
  it('reads as a cook writes, in the household’s units', () => {
    expect(shoppingLabel({ food: 'olive oil', quantity: 162.65, unit: 'ml' }, 'US')).toBe('⅔ cup olive oil');
    expect(shoppingLabel({ food: 'olive oil', quantity: 162.65, unit: 'ml' }, 'METRIC')).toBe('160 ml olive oil');
    expect(shoppingLabel({ food: 'beef mince', quantity: 1000, unit: 'g' }, 'METRIC')).toBe('1 kg beef mince');
    expect(shoppingLabel({ food: 'milk', quantity: 710, unit: 'ml' }, 'US')).toBe('3 cups milk');
    expect(shoppingLabel({ food: 'chopped tomatoes', quantity: 2, unit: 'can' }, 'METRIC')).toBe(
      '2 cans chopped tomatoes',
    );
  });

  it('counts foods in the singular or the plural, without size words', () => {
    expect(shoppingLabel({ food: 'onion', quantity: 5, unit: null }, 'METRIC')).toBe('5 onions');
    expect(shoppingLabel({ food: 'large onions', quantity: 1, unit: null }, 'METRIC')).toBe('1 onion');
    expect(shoppingLabel({ food: 'tomato', quantity: 4, unit: null }, 'US')).toBe('4 tomatoes');
    expect(shoppingLabel({ food: 'bay leaf', quantity: 2, unit: null }, 'US')).toBe('2 bay leaves');
    expect(shoppingLabel({ food: 'garlic', quantity: 2, unit: null }, 'US')).toBe('2 garlic');
    expect(shoppingLabel({ food: 'egg', quantity: 1.5, unit: null }, 'US')).toBe('1½ eggs');
  });

  it('shows a food without an amount by name alone', () => {
    expect(shoppingLabel({ food: 'salt', quantity: null, unit: null }, 'US')).toBe('salt');
  });
});
