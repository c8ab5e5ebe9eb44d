import { parseConfig } from '@switchyard/shared';
import { storesEnvSchema } from './config.ts';

const base = { INTERNAL_SIGNING_SECRET: 's'.repeat(32) };

describe('stores config', () => {
  it('seeds demo data by default only in embedded mode', () => {
    expect(parseConfig(storesEnvSchema, base).seedDemoData).toBe(true);
    expect(parseConfig(storesEnvSchema, { ...base, DATABASE_URL: 'postgresql://localhost/x' }).seedDemoData).toBe(
      false,
    );
    expect(
      parseConfig(storesEnvSchema, { ...base, DATABASE_URL: 'postgresql://localhost/x', SEED_DEMO_DATA: 'true' })
        .seedDemoData,
    ).toBe(true);
    expect(parseConfig(storesEnvSchema, { ...base, SEED_DEMO_DATA: '0' }).seedDemoData).toBe(false);
  });

  it('parses the subnet pool and names a bad one', () => {
    expect(parseConfig(storesEnvSchema, { ...base, SUBNET_POOL: '172.16.0.0/12' }).subnetPool).toEqual({
      network: 172 * 2 ** 24 + 16 * 2 ** 16,
      prefix: 12,
    });
    expect(() => parseConfig(storesEnvSchema, { ...base, SUBNET_POOL: '172.16.0.1/12' })).toThrow(
      /SUBNET_POOL: must be an IPv4 network/,
    );
    expect(parseConfig(storesEnvSchema, base).http.port).toBe(4002);
  });
});
