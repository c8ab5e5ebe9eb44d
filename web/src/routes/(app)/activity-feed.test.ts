import { describe, expect, it } from '@jest/globals';
import { mergeFeed } from './activity-feed.ts';

const at = (id: string, occurredAt: string) => ({ id, occurredAt });

describe('the activity feed', () => {
  it('orders live and fetched entries by when they happened, not by arrival', () => {
    // b arrived last but happened before a.
    const live = [at('b', '2026-12-04T10:00:00Z'), at('a', '2026-12-04T10:05:00Z')];
    const fetched = [at('c', '2026-12-04T10:02:00Z'), at('d', '2026-12-04T09:00:00Z')];
    expect(mergeFeed(live, fetched, 10).map((e) => e.id)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('shows an entry once and keeps the newest `size`', () => {
    const entry = at('a', '2026-12-04T10:05:00Z');
    expect(mergeFeed([entry], [entry, at('b', '2026-12-04T09:00:00Z')], 1)).toEqual([entry]);
  });
});
