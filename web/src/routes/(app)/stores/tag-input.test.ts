import { describe, expect, it } from '@jest/globals';
import { mergeTags, parseTag, withTag } from './tag-input.ts';

describe('tag input', () => {
  it('normalises what is typed, or says why it is not a tag', () => {
    expect(parseTag('  Region:North ')).toEqual({ tag: 'region:north' });
    expect(parseTag('two words')).toEqual({ problem: expect.stringMatching(/^Tag may contain only/) });
    expect(parseTag('  ')).toEqual({ problem: 'Tag must not be empty' });
  });

  it('adds a tag once, sorted, up to 20', () => {
    expect(withTag(['b'], 'a')).toEqual({ tags: ['a', 'b'] });
    expect(withTag(['a'], 'a')).toEqual({ tags: ['a'] });
    const twenty = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(withTag(twenty, 'more')).toEqual({ problem: 'A store can have at most 20 tags' });
  });

  it('merges my additions and removals into their tags', () => {
    expect(mergeTags(['a', 'b'], ['a', 'b', 'theirs'], ['b', 'mine'])).toEqual(['b', 'mine', 'theirs']);
    expect(mergeTags(['a'], [], ['a', 'mine'])).toEqual(['mine']);
  });
});
