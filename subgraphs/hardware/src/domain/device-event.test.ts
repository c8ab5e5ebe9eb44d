import { decideAttributeEvents, eventContentHash, hubitatEventSchema, incomingFromHub, sourceOf } from './device-event.ts';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
const event = (hash: string, ms: number, unlessChangedSince: Date | null = null) => ({ contentHash: hash, receivedAt: at(ms), unlessChangedSince });

describe('hub event payloads', () => {
  it('accepts what a hub POSTs, numbers and numeric device ids included', () => {
    const parsed = hubitatEventSchema.parse({ content: { name: 'level', value: 40, displayName: 'Dimmer', deviceId: 12, descriptionText: 'Dimmer level is 40%', unit: '%', type: 'digital', data: null } });
    expect(parsed.content).toMatchObject({ value: '40', deviceId: '12' });
    expect(hubitatEventSchema.safeParse({ content: { value: 'x' } }).success).toBe(false);
    expect(hubitatEventSchema.safeParse({ name: 'switch' }).success).toBe(false);
  });

  it('hashes content per hub: the same body from another hub is another event', () => {
    const content = { name: 'switch', value: 'on', deviceId: '1' };
    expect(eventContentHash('hub-a', content)).toBe(eventContentHash('hub-a', { ...content }));
    expect(eventContentHash('hub-a', content)).not.toBe(eventContentHash('hub-b', content));
    expect(eventContentHash('hub-a', content)).not.toBe(eventContentHash('hub-a', { ...content, value: 'off' }));
  });

  it('maps the hub event type to a source', () => {
    expect([sourceOf('physical'), sourceOf('digital'), sourceOf(null), sourceOf('other')]).toEqual(['PHYSICAL', 'DIGITAL', 'UNKNOWN', 'UNKNOWN']);
    expect(incomingFromHub('h', { name: 'switch', value: 'on', deviceId: '3', type: 'physical' }, at(0))).toMatchObject({ hubDeviceId: '3', source: 'PHYSICAL', unlessChangedSince: null });
  });
});

describe('decideAttributeEvents', () => {
  const WINDOW = 10_000;

  it('stores a resend within the window once, and the same content again after the window', () => {
    const { outcomes } = decideAttributeEvents([event('a', 0), event('a', 1_000), event('a', 20_000)], null, WINDOW);
    expect(outcomes).toEqual(['stored', 'duplicate', 'stored']);
  });

  it('keeps a value that comes back (on, off, on) as three events', () => {
    expect(decideAttributeEvents([event('on', 0), event('off', 100), event('on', 200)], null, WINDOW).outcomes).toEqual(['stored', 'stored', 'stored']);
  });

  it('compares with what the database holds for the attribute', () => {
    const current = { lastEventHash: 'a', updatedAt: at(0) };
    expect(decideAttributeEvents([event('a', 5_000)], current, WINDOW).outcomes).toEqual(['duplicate']);
    expect(decideAttributeEvents([event('b', 5_000)], current, WINDOW)).toEqual({ outcomes: ['stored'], state: { lastEventHash: 'b', updatedAt: at(5_000) } });
  });

  it('lets a value pushed after a poll began win over the poll', () => {
    const current = { lastEventHash: 'pushed', updatedAt: at(2_000) };
    expect(decideAttributeEvents([event('polled', 3_000, at(1_000))], current, WINDOW).outcomes).toEqual(['superseded']);
    expect(decideAttributeEvents([event('polled', 3_000, at(2_500))], current, WINDOW).outcomes).toEqual(['stored']);
  });
});
