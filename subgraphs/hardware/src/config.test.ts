import { parseConfig } from '@switchyard/shared/config';
import { hardwareEnvSchema } from './config.ts';

const required = { INTERNAL_SIGNING_SECRET: 'x'.repeat(32), HARDWARE_ENCRYPTION_KEY: 'k'.repeat(32) };

describe('hardware config: where hubs post their events', () => {
  it('defaults to the web server on this host (the one public origin), not to its own port', () => {
    expect(parseConfig(hardwareEnvSchema, required).publicUrl).toBe('http://127.0.0.1:3000');
    expect(parseConfig(hardwareEnvSchema, { ...required, HOST: '0.0.0.0', WEB_PORT: '5030' }).publicUrl).toBe(
      'http://127.0.0.1:5030',
    );
  });

  it('is PUBLIC_URL when set, without a trailing slash', () => {
    expect(parseConfig(hardwareEnvSchema, { ...required, PUBLIC_URL: 'https://shop.example/' }).publicUrl).toBe(
      'https://shop.example',
    );
  });
});
