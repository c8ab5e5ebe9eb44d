import { setTimeout as sleep } from 'node:timers/promises';
import type { System } from '@switchyard/testing/system';
import type { startRedisServer } from '@switchyard/testing';
import type { startTcpProxy } from './tcp-proxy.ts';

export interface FaultTarget {
  system: System;
  redis: Awaited<ReturnType<typeof startRedisServer>>;
  postgres: Awaited<ReturnType<typeof startTcpProxy>>;
}

/** One fault: `inject` resolves when it is over (what was killed is running and ready again). */
export interface Fault {
  name: string;
  inject(target: FaultTarget): Promise<void>;
}

const OUTAGE_MS = 5_000;

const processOf = ({ system }: FaultTarget, name: string) => {
  const found = system.services.find((service) => service.name === name);
  if (!found) throw new Error(`no process named ${name}`);
  return found;
};

const killed = (name: string, times = 1): Fault => ({
  name: `kill -9 ${name}${times > 1 ? ` (${times}×)` : ''}`,
  async inject(target) {
    const service = processOf(target, name);
    for (let round = 0; round < times; round++) {
      if (round > 0) await sleep(3_000);
      await service.stop('SIGKILL');
      await service.start();
    }
  },
});

export const FAULTS: Fault[] = [
  killed('stores', 3),
  killed('identity'),
  killed('hardware'),
  killed('meals'),
  killed('observability'),
  killed('gateway'),
  {
    name: 'kill -9 redis',
    async inject({ redis }) {
      await redis.kill();
      await sleep(OUTAGE_MS);
      await redis.start();
    },
  },
  {
    name: 'identity hung (SIGSTOP)',
    async inject(target) {
      const pid = processOf(target, 'identity').pid!;
      process.kill(pid, 'SIGSTOP');
      await sleep(OUTAGE_MS);
      process.kill(pid, 'SIGCONT');
    },
  },
  {
    name: 'postgresql unreachable',
    async inject({ postgres }) {
      postgres.cut();
      await sleep(OUTAGE_MS);
      postgres.restore();
    },
  },
];
