import { ConfigError } from '@switchyard/shared/config';
import { planSystem } from './system-env.ts';

describe('planSystem', () => {
  it('derives every URL from the ports alone', () => {
    const { env, urls } = planSystem({
      PORT: '5000',
      IDENTITY_PORT: '5001',
      STORES_PORT: '5002',
      HARDWARE_PORT: '5003',
      MEALS_PORT: '5004',
      OBSERVABILITY_PORT: '5005',
      SIMULATOR_PORT: '5090',
      WEB_PORT: '5030',
    });
    expect(urls.web).toBe('http://127.0.0.1:5030');
    expect(env.GATEWAY_URL).toBe('http://127.0.0.1:5000/graphql');
    expect(env.IDENTITY_URL).toBe('http://127.0.0.1:5001/graphql');
    expect(env.OBSERVABILITY_URL).toBe('http://127.0.0.1:5005/graphql');
    expect(urls.simulator).toBe('http://127.0.0.1:5090');
  });

  it('uses the defaults, and keeps URLs the caller set', () => {
    const { env, ports } = planSystem({ STORES_URL: 'http://stores.internal/graphql' });
    expect(ports).toMatchObject({ gateway: 4000, identity: 4001, web: 3000, simulator: 4090 });
    expect(env.STORES_URL).toBe('http://stores.internal/graphql');
    expect(env.HARDWARE_URL).toBe('http://127.0.0.1:4003/graphql');
  });

  it('reaches services listening on every interface through loopback', () => {
    expect(planSystem({ HOST: '0.0.0.0' }).urls.gateway).toBe('http://127.0.0.1:4000');
  });

  it('names the variable of a blocked or shared port', () => {
    const problems = (input: Record<string, string>) => {
      try {
        planSystem(input);
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
      return [];
    };
    expect(problems({ WEB_PORT: '6000' })).toEqual([expect.stringMatching(/^WEB_PORT: is a port browsers/)]);
    expect(problems({ MEALS_PORT: '4001' })).toEqual([
      expect.stringMatching(/^MEALS_PORT: 4001 is also IDENTITY_PORT/),
    ]);
  });
});
