import { formatQuantity, unitName } from './quantity-text.ts';

describe('formatQuantity', () => {
  it('writes fractions as glyphs for cups, spoons and counts, decimals for metric units', () => {
    expect(formatQuantity(2 / 3, 'cup')).toBe('⅔');
    expect(formatQuantity(1.5, 'tbsp')).toBe('1½');
    expect(formatQuantity(0.125, 'tsp')).toBe('⅛');
    expect(formatQuantity(5, null)).toBe('5');
    expect(formatQuantity(1.25, 'kg')).toBe('1.25');
    expect(formatQuantity(0.5, 'l')).toBe('0.5');
    expect(formatQuantity(0.07)).toBe('0.07');
  });
});

describe('unitName', () => {
  it('is plural for more than one, and leaves abbreviations alone', () => {
    expect(unitName('cup', 1)).toBe('cup');
    expect(unitName('cup', 1.5)).toBe('cups');
    expect(unitName('tsp', 3)).toBe('tsp');
  });
});
