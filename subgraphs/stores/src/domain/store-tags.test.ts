import { parseInput } from '@switchyard/shared';
import { MAX_TAGS_PER_STORE, bulkTagEditSchema, editTags, storeTagsSchema } from './store-tags.ts';

const parseTags = (tags: unknown) => parseInput(storeTagsSchema, tags, 'tags');

describe('store tags', () => {
  it('trims and lower-cases tags, collapses duplicates and sorts them', () => {
    expect(parseTags([' Pilot ', 'region:North', 'pilot', 'v1.2_b-c'])).toEqual(['pilot', 'region:north', 'v1.2_b-c']);
    expect(parseTags([])).toEqual([]);
  });

  it('refuses empty, long and non-slug tags, naming the tag by its index', () => {
    for (const [tags, field] of [
      [['ok', '  '], 'tags.1'],
      [['x'.repeat(41)], 'tags.0'],
      [['ok', 'fine', 'two words'], 'tags.2'],
      [['émoji'], 'tags.0'],
      [['a/b'], 'tags.0'],
    ] as const) {
      expect(() => parseTags(tags)).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ field }) }),
      );
    }
    expect(parseTags(['x'.repeat(40)])).toEqual(['x'.repeat(40)]);
  });

  it('allows at most 20 distinct tags per store', () => {
    const tags = Array.from({ length: MAX_TAGS_PER_STORE }, (_, index) => `t${index}`);
    expect(parseTags([...tags, 't0'])).toHaveLength(MAX_TAGS_PER_STORE);
    expect(() => parseTags([...tags, 'one-more'])).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'tags' }) }),
    );
  });

  it('adds and removes tags, removal winning, refusing more than 20', () => {
    expect(editTags(['b', 'old'], ['a', 'b', 'gone'], ['old', 'gone'])).toEqual(['a', 'b']);
    expect(editTags([], [], ['absent'])).toEqual([]);
    const twenty = Array.from({ length: MAX_TAGS_PER_STORE }, (_, index) => `t${index}`);
    expect(editTags(twenty, ['t1'], [])).toEqual([...twenty].sort());
    expect(() => editTags(twenty, ['new'], [])).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'add' }) }),
    );
  });

  it('needs at least one tag to add or remove in a bulk edit, each checked where it was given', () => {
    expect(parseInput(bulkTagEditSchema, { add: ['North'], remove: null })).toEqual({ add: ['north'], remove: [] });
    for (const [edit, field] of [
      [{}, 'add'],
      [{ add: [], remove: [] }, 'add'],
      [{ add: ['ok'], remove: ['ok', 'not ok'] }, 'remove.1'],
    ] as const) {
      expect(() => parseInput(bulkTagEditSchema, edit)).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }),
      );
    }
  });
});
