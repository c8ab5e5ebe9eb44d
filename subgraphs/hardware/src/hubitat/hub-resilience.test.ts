import type { CircuitBreakerSnapshot } from '@switchyard/shared';
import { HubRequestError } from './hub-request-error.ts';
import { createHubResilience } from './hub-resilience.ts';

const refused = () =>
  Promise.reject(new HubRequestError('connection', 'cannot connect (ECONNREFUSED)', 'ECONNREFUSED'));
const reset = () => Promise.reject(new HubRequestError('connection', 'cannot connect (ECONNRESET)', 'ECONNRESET'));

function setup(overrides: Partial<Parameters<typeof createHubResilience>[0]> = {}) {
  const changes: CircuitBreakerSnapshot[] = [];
  const resilience = createHubResilience({
    timeoutMs: 200,
    attempts: 2,
    breakerFailures: 3,
    halfOpenAfterMs: 100,
    onStateChange: (s) => changes.push(s),
    ...overrides,
  });
  return { resilience, changes };
}

async function failure(promise: Promise<unknown>): Promise<HubRequestError> {
  try {
    await promise;
  } catch (error) {
    return error as HubRequestError;
  }
  throw new Error('expected a failure');
}

describe('hub resilience', () => {
  it('ends a hanging call at the timeout with a timeout failure', async () => {
    const { resilience } = setup();
    const started = Date.now();
    const error = await failure(
      resilience.call(
        'hub',
        'read',
        (signal) =>
          new Promise((_resolve, reject) =>
            signal.addEventListener('abort', () => reject(new HubRequestError('timeout', 'aborted'))),
          ),
      ),
    );
    expect(error.failure).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000); // the call itself never settles: only the 200 ms timeout ends it
  });

  it('retries reads on connection failures, commands only when the connection was refused', async () => {
    const { resilience } = setup({ breakerFailures: 100 });
    let attempts = 0;
    await failure(resilience.call('hub', 'read', () => (attempts++, reset())));
    expect(attempts).toBe(2);
    attempts = 0;
    await failure(resilience.call('hub', 'command', () => (attempts++, reset())));
    expect(attempts).toBe(1);
    attempts = 0;
    await failure(resilience.call('hub', 'command', () => (attempts++, refused())));
    expect(attempts).toBe(2);
  });

  it('does not count a rejected token or an unknown device as the hub being down', async () => {
    const { resilience } = setup({ attempts: 1, breakerFailures: 1 });
    await failure(resilience.call('hub', 'read', () => Promise.reject(new HubRequestError('unauthorized', '401'))));
    await failure(resilience.call('hub', 'read', () => Promise.reject(new HubRequestError('not-found', '404'))));
    expect(resilience.snapshots()[0]).toMatchObject({ state: 'CLOSED', failures: 0 });
  });

  it('opens a hub breaker after consecutive failures, refuses fast while open, and closes after a success', async () => {
    const { resilience, changes } = setup({ attempts: 1 });
    for (let i = 0; i < 3; i++) await failure(resilience.call('hub-a', 'read', refused));
    const open = await failure(resilience.call('hub-a', 'read', () => Promise.resolve('never called')));
    expect(open.failure).toBe('circuit-open');
    expect(open.transient).toBe(true);
    // Another hub has its own breaker.
    await expect(resilience.call('hub-b', 'read', () => Promise.resolve('ok'))).resolves.toBe('ok');

    // The breaker lets a call through only once halfOpenAfterMs (100) has passed: that delay is what is tested.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(resilience.call('hub-a', 'read', () => Promise.resolve('back'))).resolves.toBe('back');
    expect(changes.map((c) => [c.name, c.state])).toEqual([
      ['hubitat-hub:hub-a', 'OPEN'],
      ['hubitat-hub:hub-a', 'HALF_OPEN'],
      ['hubitat-hub:hub-a', 'CLOSED'],
    ]);
    expect(resilience.snapshots().map((s) => [s.name, s.state, s.failures])).toEqual([
      ['hubitat-hub:hub-a', 'CLOSED', 0],
      ['hubitat-hub:hub-b', 'CLOSED', 0],
    ]);
  });
});
