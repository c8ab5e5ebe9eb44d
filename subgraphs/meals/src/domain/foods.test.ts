import { categoryOf, countedFood, foodKey, foodName } from './foods.ts';

describe('foodKey', () => {
  it('merges case, plurals and size words into one food', () => {
    expect(foodKey('2 large onion'.slice(2))).toBe('onion');
    expect(foodKey('Onions')).toBe('onion');
    expect(foodKey('small  red onions')).toBe('red onion');
    expect(foodKey('extra large eggs')).toBe('egg');
    expect(foodKey('Tomatoes')).toBe('tomato');
    expect(foodKey('berries')).toBe('berry');
    expect(foodKey('bay leaves')).toBe('bay leaf');
    expect(foodKey('couscous')).toBe('couscous');
  });

  it('keeps words that change what is bought', () => {
    expect(foodKey('red onion')).not.toBe(foodKey('onion'));
    expect(foodKey('ground cumin')).not.toBe(foodKey('cumin'));
  });
});

describe('foodName and countedFood', () => {
  it('drops size words and agrees with the count', () => {
    expect(foodName('Large  Carrots')).toBe('Carrots');
    expect(foodName('large')).toBe('large');
    expect(countedFood('large onion', 5)).toBe('onions');
    expect(countedFood('onions', 1)).toBe('onion');
    expect(countedFood('potato', 3)).toBe('potatoes');
    expect(countedFood('lime', 0.5)).toBe('lime');
  });
});

describe('categoryOf', () => {
  it.each([
    ['canned tomatoes', null, 'Pantry'],
    ['chopped tomatoes', 'can', 'Pantry'],
    ['tinned chopped tomatoes', null, 'Pantry'],
    ['passata', 'ml', 'Pantry'],
    ['tomato paste', 'tbsp', 'Pantry'],
    ['crushed tomatoes', 'g', 'Pantry'],
    ['tomatoes', null, 'Produce'],
    ['cherry tomatoes', 'g', 'Produce'],
    ['tuna', 'can', 'Pantry'],
    ['chickpeas', 'can', 'Pantry'],
    ['coconut milk', 'ml', 'Pantry'],
    ['olive oil', 'ml', 'Pantry'],
    ['chicken stock', 'ml', 'Pantry'],
    ['dried apricots', 'g', 'Pantry'],
    ['dried oregano', 'tsp', 'Spices & Herbs'],
    ['frozen spinach', 'g', 'Frozen'],
    ['beef mince', 'g', 'Meat & Fish'],
    ['butter', 'g', 'Dairy & Eggs'],
    ['peanut butter', 'g', 'Pantry'],
    ['bell pepper', null, 'Produce'],
    ['black pepper', 'tsp', 'Spices & Herbs'],
    ['large onions', null, 'Produce'],
  ] as const)('%p (%p) is %p', (food, unit, category) => {
    expect(categoryOf(food, unit)).toBe(category);
  });
});
