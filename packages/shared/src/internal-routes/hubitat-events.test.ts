import { hubitatEventsRoute, hubitatEventsUrl } from './hubitat-events.ts';

describe('the hubitat events route', () => {
  it('accepts what a hub POSTs, numbers and numeric device ids included', () => {
    const parsed = hubitatEventsRoute.request.parse({
      content: {
        name: 'level',
        value: 40,
        displayName: 'Dimmer',
        deviceId: 12,
        descriptionText: 'Dimmer level is 40%',
        unit: '%',
        type: 'digital',
        data: null,
      },
    });
    expect(parsed.content).toMatchObject({ value: '40', deviceId: '12' });
    expect(hubitatEventsRoute.request.safeParse({ content: { value: 'x' } }).success).toBe(false);
    expect(hubitatEventsRoute.request.safeParse({ name: 'switch' }).success).toBe(false);
  });

  it('gives each hub its own URL with its secret, under the public URL', () => {
    expect(hubitatEventsUrl('http://me:4003', 'hub-1', 'c2VjcmV0')).toBe(
      'http://me:4003/hubitat/events/hub-1/c2VjcmV0',
    );
  });
});
