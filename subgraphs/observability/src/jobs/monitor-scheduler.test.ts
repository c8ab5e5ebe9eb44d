import type { Logger } from '@switchyard/shared';
import type { MonitorRepository } from '../data/repositories.ts';
import type { Monitor } from '../domain/monitor.ts';
import { startMonitorScheduler, type MonitorRunner } from './monitor-scheduler.ts';

const logger = { warn: () => undefined } as unknown as Logger;
const monitor = (id: string, fields: Partial<Monitor> = {}): Monitor => ({
  id,
  name: id,
  kind: 'TCP',
  storeId: null,
  target: '127.0.0.1',
  port: 1,
  http: null,
  dnsRecordType: null,
  dnsExpected: null,
  intervalSeconds: 1,
  timeoutMs: 500,
  retries: 0,
  enabled: true,
  pushTokenHash: null,
  pushGeneration: 0,
  lastPushAt: null,
  certificateExpiresAt: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...fields,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fakes(monitors: Monitor[], checkMs: number) {
  const starts = new Map<string, number[]>();
  let running = 0;
  let maxRunning = 0;
  const repository = {
    list: async () => monitors,
    version: async () => monitors.map((m) => `${m.id}@${m.updatedAt.getTime()}@${m.enabled}`).join(','),
  } as unknown as MonitorRepository;
  const runner = {
    check: async (m: Monitor) => {
      starts.set(m.id, [...(starts.get(m.id) ?? []), Date.now()]);
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await sleep(checkMs);
      running -= 1;
    },
  } as unknown as MonitorRunner;
  return { repository, runner, starts, maxRunning: () => maxRunning };
}

describe('the monitor scheduler', () => {
  it('plans each check an interval after the previous plan, however long checks take', async () => {
    const { repository, runner, starts } = fakes([monitor('a')], 600);
    const scheduler = startMonitorScheduler({
      monitors: repository,
      runner,
      logger,
      isLeader: () => true,
      concurrency: 5,
      reloadMs: 10_000,
    });
    await sleep(4_200);
    await scheduler.stop();
    const times = starts.get('a')!;
    expect(times.length).toBeGreaterThanOrEqual(4);
    // Checks of 600 ms every second: one second apart, not 1.6 s (no drift from the check's duration).
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    for (const gap of gaps) expect(Math.abs(gap - 1000)).toBeLessThan(150);
  });

  it('runs at most `concurrency` checks at once, and nothing off the lease', async () => {
    const many = fakes(
      Array.from({ length: 6 }, (_, i) => monitor(`m${i}`)),
      400,
    );
    const scheduler = startMonitorScheduler({
      monitors: many.repository,
      runner: many.runner,
      logger,
      isLeader: () => true,
      concurrency: 2,
      reloadMs: 10_000,
    });
    await sleep(1_500);
    await scheduler.stop();
    expect(many.maxRunning()).toBe(2);

    const follower = fakes([monitor('f')], 10);
    const idle = startMonitorScheduler({
      monitors: follower.repository,
      runner: follower.runner,
      logger,
      isLeader: () => false,
      concurrency: 2,
      reloadMs: 10_000,
    });
    await sleep(1_200);
    await idle.stop();
    expect(follower.starts.size).toBe(0);
  });

  it('picks up created, disabled and deleted monitors when reloaded or when the table changes', async () => {
    const list: Monitor[] = [];
    const { repository, runner, starts } = fakes(list, 10);
    const scheduler = startMonitorScheduler({
      monitors: repository,
      runner,
      logger,
      isLeader: () => true,
      concurrency: 5,
      reloadMs: 100,
    });
    await scheduler.ready;
    list.push(monitor('new'));
    await sleep(1_300);
    expect(starts.get('new')?.length).toBeGreaterThanOrEqual(1);
    list[0] = monitor('new', { enabled: false, updatedAt: new Date(1) });
    await scheduler.reload();
    const count = starts.get('new')!.length;
    await sleep(1_300);
    expect(starts.get('new')!.length).toBe(count);
    expect(scheduler.size()).toBe(0);
    await scheduler.stop();
  });
});
