import {
  decideAttributeEvents,
  eventContentHash,
  incomingContentHash,
  incomingFromHub,
  isMomentary,
  sourceOf,
} from './device-event.ts';
import { depthExceeds, hubitatEventsRoute } from '@switchyard/shared';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
const event = (hash: string, ms: number, unlessChangedSince: Date | null = null) => ({
  contentHash: hash,
  receivedAt: at(ms),
  unlessChangedSince,
});

describe('hub event payloads', () => {
  it('hashes content per hub: the same body from another hub is another event', () => {
    const content = { name: 'switch', value: 'on', deviceId: '1' };
    expect(eventContentHash('hub-a', content)).toBe(eventContentHash('hub-a', { ...content }));
    expect(eventContentHash('hub-a', content)).not.toBe(eventContentHash('hub-b', content));
    expect(eventContentHash('hub-a', content)).not.toBe(eventContentHash('hub-a', { ...content, value: 'off' }));
  });

  it('maps the hub event type to a source', () => {
    expect([sourceOf('physical'), sourceOf('digital'), sourceOf(null), sourceOf('other')]).toEqual([
      'PHYSICAL',
      'DIGITAL',
      'UNKNOWN',
      'UNKNOWN',
    ]);
    expect(incomingFromHub('h', { name: 'switch', value: 'on', deviceId: '3', type: 'physical' }, at(0))).toMatchObject(
      { hubDeviceId: '3', source: 'PHYSICAL', unlessChangedSince: null },
    );
  });
});

describe('decideAttributeEvents', () => {
  const WINDOW = 10_000;

  it('stores a resend within the window once, and the same content again after the window', () => {
    const { outcomes } = decideAttributeEvents([event('a', 0), event('a', 1_000), event('a', 20_000)], null, WINDOW);
    expect(outcomes).toEqual(['stored', 'duplicate', 'stored']);
  });

  it('keeps a value that comes back (on, off, on) as three events', () => {
    expect(decideAttributeEvents([event('on', 0), event('off', 100), event('on', 200)], null, WINDOW).outcomes).toEqual(
      ['stored', 'stored', 'stored'],
    );
  });

  it('compares with what the database holds for the attribute', () => {
    const current = { lastEventHash: 'a', updatedAt: at(0) };
    expect(decideAttributeEvents([event('a', 5_000)], current, WINDOW).outcomes).toEqual(['duplicate']);
    expect(decideAttributeEvents([event('b', 5_000)], current, WINDOW)).toEqual({
      outcomes: ['stored'],
      state: { lastEventHash: 'b', updatedAt: at(5_000) },
    });
  });

  it('lets a value pushed after a poll began win over the poll', () => {
    const current = { lastEventHash: 'pushed', updatedAt: at(2_000) };
    expect(decideAttributeEvents([event('polled', 3_000, at(1_000))], current, WINDOW).outcomes).toEqual([
      'superseded',
    ]);
    expect(decideAttributeEvents([event('polled', 3_000, at(2_500))], current, WINDOW).outcomes).toEqual(['stored']);
  });
});

describe('hub event bounds', () => {
  const content = (extra: Record<string, unknown>) => ({ content: { name: 'pushed', deviceId: '7', ...extra } });

  it('refuses data nested deeper than 8 without walking it recursively', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expect(depthExceeds(deep, 8)).toBe(true);
    expect(hubitatEventsRoute.request.safeParse(content({ data: deep })).success).toBe(false);
    expect(hubitatEventsRoute.request.safeParse(content({ data: { a: [{ b: 1 }] } })).success).toBe(true);
    expect(depthExceeds({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(depthExceeds({ a: [{ b: {} }] }, 3)).toBe(true);
  });

  it('refuses a long value and long data', () => {
    expect(hubitatEventsRoute.request.safeParse(content({ value: 'x'.repeat(1_001) })).success).toBe(false);
    expect(hubitatEventsRoute.request.safeParse(content({ data: 'y'.repeat(4_001) })).success).toBe(false);
    expect(hubitatEventsRoute.request.safeParse(content({ value: '21.5', data: '{"buttonNumber":1}' })).success).toBe(
      true,
    );
  });
});

describe('momentary events', () => {
  const press = { name: 'pushed', value: '1', deviceId: '7' };

  it('treats button attributes and events flagged isStateChange as momentary, other state not', () => {
    expect(['pushed', 'held', 'doubleTapped', 'released'].every((name) => isMomentary({ name }))).toBe(true);
    expect(isMomentary({ name: 'switch', isStateChange: true })).toBe(true);
    expect(isMomentary({ name: 'switch', isStateChange: false })).toBe(false);
    expect(isMomentary({ name: 'switch' })).toBe(false);
  });

  it('hashes a momentary event by its delivery: a retry matches, another press does not', () => {
    expect(incomingContentHash('h', press, 'd-1')).toBe(incomingContentHash('h', press, 'd-1'));
    expect(incomingContentHash('h', press, 'd-1')).not.toBe(incomingContentHash('h', press, 'd-2'));
    expect(incomingContentHash('h', press, 'd-1')).not.toBe(incomingContentHash('h2', press, 'd-1'));
    expect(incomingContentHash('h', press, null)).not.toBe(incomingContentHash('h', press, null));
  });

  it('keeps hashing state attributes by content, whatever the delivery', () => {
    const state = { name: 'switch', value: 'on', deviceId: '7' };
    expect(incomingContentHash('h', state, 'd-1')).toBe(incomingContentHash('h', state, 'd-2'));
    expect(incomingContentHash('h', state, null)).toBe(eventContentHash('h', state));
  });

  it('stores two presses within the window as two events, a retried delivery as one', () => {
    const first = incomingFromHub('h', press, at(0), 'd-1');
    const retry = incomingFromHub('h', press, at(200), 'd-1');
    const second = incomingFromHub('h', press, at(400), 'd-2');
    expect(decideAttributeEvents([first, retry, second], null, 10_000).outcomes).toEqual([
      'stored',
      'duplicate',
      'stored',
    ]);
  });
});
