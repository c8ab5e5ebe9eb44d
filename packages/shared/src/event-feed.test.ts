import type { DomainEvent } from './event-bus.ts';
import { createMemoryEventFeed } from './event-feed.ts';

const event = (id: string, occurredAt: string): DomainEvent => ({
  id,
  type: 'T',
  aggregateType: 'A',
  aggregateId: 'a',
  sequence: 1,
  occurredAt,
  actor: null,
  payload: {},
});

describe('memory event feed', () => {
  it('serves events after a time, oldest first, at most `limit`, and keeps only the last `capacity`', async () => {
    const { feed, append } = createMemoryEventFeed(3);
    append(event('e1', '2026-01-01T00:00:01.000Z'));
    append(event('e3', '2026-01-01T00:00:03.000Z'));
    append(event('e2', '2026-01-01T00:00:02.000Z'));
    expect((await feed(new Date(0), 10)).map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect((await feed(new Date('2026-01-01T00:00:01.000Z'), 1)).map((e) => e.id)).toEqual(['e2']);
    append(event('e4', '2026-01-01T00:00:04.000Z'));
    expect((await feed(new Date(0), 10)).map((e) => e.id)).toEqual(['e2', 'e3', 'e4']);
    // Within one millisecond, the order they happened in.
    append(event('z', '2026-01-01T00:00:05.000Z'));
    append(event('a', '2026-01-01T00:00:05.000Z'));
    expect((await feed(new Date('2026-01-01T00:00:04.000Z'), 10)).map((e) => e.id)).toEqual(['z', 'a']);
  });
});
