import { parseConfig } from '@switchyard/shared/config';
import { webEnvSchema } from './config.ts';

describe('web server config', () => {
  it('forwards hub events to the hardware subgraph’s origin, by default on this machine', () => {
    expect(parseConfig(webEnvSchema, {}).hardwareOrigin).toBe('http://127.0.0.1:4003');
    expect(parseConfig(webEnvSchema, { HARDWARE_URL: 'http://hardware:4003/graphql' }).hardwareOrigin).toBe(
      'http://hardware:4003',
    );
  });

  it('takes the public origin from ORIGIN, else from PUBLIC_URL, else from each request', () => {
    expect(parseConfig(webEnvSchema, { PUBLIC_URL: 'https://shop.example/' }).origin).toBe('https://shop.example');
    expect(
      parseConfig(webEnvSchema, { PUBLIC_URL: 'https://shop.example', ORIGIN: 'https://other.example' }).origin,
    ).toBe('https://other.example');
    expect(parseConfig(webEnvSchema, {}).origin).toBeUndefined();
  });
});
