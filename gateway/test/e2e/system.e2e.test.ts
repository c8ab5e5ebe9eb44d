import { SUBGRAPHS } from '@switchyard/shared';
import { signedMetrics } from '@switchyard/testing';
import { BACKENDS, startSystem, type System } from '@switchyard/testing/system';

/** The whole system: every subgraph behind the gateway, health and readiness as an orchestrator sees them. */
describe.each(BACKENDS)('the whole system (%s)', (backend) => {
  let system: System;
  let gatewayBase: string;

  beforeAll(async () => {
    system = await startSystem(backend);
    gatewayBase = system.gatewayUrl.replace(/\/graphql$/, '');
  });
  afterAll(() => system?.destroy());

  it('is ready when every subgraph is, and every service answers health and metrics', async () => {
    // With Redis, readiness reports it too (without depending on it).
    expect(await (await fetch(`${gatewayBase}/ready`)).json()).toEqual({
      status: 'ready',
      ...(system.env.REDIS_URL ? { dependencies: { redis: 'up' } } : {}),
    });
    for (const base of [gatewayBase, ...Object.values(system.subgraphUrls)]) {
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect(await signedMetrics(base, system.secrets.internalSigningSecret)).toMatch(
        /^process_resident_memory_bytes/m,
      );
      // Unsigned, /metrics is refused: only observability (signed) and the gateway's METRICS_TOKEN read it.
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
    }
  });

  it('is not ready while a subgraph is down, and names it', async () => {
    const victim = system.services.find((service) => service.name === SUBGRAPHS.at(-1)!.name)!;
    await victim.stop();
    const response = await fetch(`${gatewayBase}/ready`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { reason: string }).reason).toContain(`${victim.name} (unreachable)`);
    expect((await fetch(`${gatewayBase}/health`)).status).toBe(200);
    await victim.start();
    expect((await fetch(`${gatewayBase}/ready`)).status).toBe(200);
  });
});
