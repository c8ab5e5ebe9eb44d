import { TAG_MAX_LENGTH, normalizeTag, tagProblem } from './tags.ts';

describe('tags', () => {
  it('normalises by trimming and lower-casing', () => {
    expect(normalizeTag('  Region:North ')).toBe('region:north');
  });

  it('accepts slugs of 1 to 40 characters of a-z 0-9 - _ : .', () => {
    for (const tag of ['a', 'pilot', 'region:north', 'v1.2_b-c', 'x'.repeat(TAG_MAX_LENGTH)])
      expect(tagProblem(tag)).toBeNull();
    for (const tag of ['', 'x'.repeat(TAG_MAX_LENGTH + 1), 'two words', 'a;b', 'a/b', 'émoji', 'Upper'])
      expect(tagProblem(tag)).toEqual(expect.any(String));
  });
});
