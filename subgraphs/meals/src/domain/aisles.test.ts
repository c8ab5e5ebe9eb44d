import { DEFAULT_AISLES, findAisle, normaliseAisles, sortByAisle } from './aisles.ts';

describe('aisles', () => {
  it('tidies names and refuses empty, duplicate or too many aisles', () => {
    expect(normaliseAisles(['  Fruit  and veg ', 'Bakery'])).toEqual({ aisles: ['Fruit and veg', 'Bakery'] });
    expect(normaliseAisles([])).toHaveProperty('error');
    expect(normaliseAisles(['Bakery', 'bakery'])).toHaveProperty('error');
    expect(normaliseAisles([' '])).toHaveProperty('error');
    expect(normaliseAisles(Array.from({ length: 41 }, (_, i) => `A${i}`))).toHaveProperty('error');
  });

  it('finds an aisle ignoring case', () => {
    expect(findAisle(DEFAULT_AISLES, 'dairy & eggs')).toBe('Dairy & Eggs');
    expect(findAisle(DEFAULT_AISLES, 'Garden')).toBeNull();
  });

  it('sorts items by the household order, unknown aisles last, stable within an aisle', () => {
    const items = [
      { id: 1, category: 'Produce' },
      { id: 2, category: 'Bakery' },
      { id: 3, category: 'Zzz' },
      { id: 4, category: 'Produce' },
      { id: 5, category: 'Aaa' },
    ];
    expect(sortByAisle(items, ['Bakery', 'Produce']).map((i) => i.id)).toEqual([2, 1, 4, 5, 3]);
  });
});
