import { BadUserInputError, NotFoundError, roleAtLeast, isUuid, type Principal } from '@switchyard/shared';
import type { MonitorRepository } from '../data/repositories.ts';
import { monitorSettings, type MonitorInputValues, type MonitorSettings } from '../domain/monitor-input.ts';
import { pushToken, pushTokenHash, pushUrl, type Monitor } from '../domain/monitor.ts';
import type { OutboundPolicy } from '../jobs/monitor-checks.ts';
import type { MonitorRunner } from '../jobs/monitor-scheduler.ts';

export interface MonitorAdminDeps {
  monitors: MonitorRepository;
  runner: MonitorRunner;
  policy: OutboundPolicy;
  /** The secret push tokens are derived from. */
  secret: string;
  publicUrl: string;
  minIntervalSeconds: number;
  /** Tells this process's scheduler (if running) that monitors changed. */
  changed: () => void;
}

/**
 * What the monitor mutations, the push route and Monitor.pushUrl do: validation (BAD_USER_INPUT
 * with the input path), the outbound policy on targets, push tokens.
 */
export function createMonitorAdmin(deps: MonitorAdminDeps) {
  const { monitors } = deps;

  const idOf = (id: string) => {
    if (!isUuid(id)) throw new NotFoundError('Monitor', id);
    return id;
  };

  async function existing(id: string): Promise<Monitor> {
    const monitor = await monitors.findById(idOf(id));
    if (!monitor) throw new NotFoundError('Monitor', id);
    return monitor;
  }

  async function settingsOf(input: MonitorInputValues, current: MonitorSettings | null): Promise<MonitorSettings> {
    const result = monitorSettings(input, current, deps.minIntervalSeconds);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const path = ['input', ...issue.path.map(String)].join('.');
      throw new BadUserInputError(path, `${path}: ${issue.message}`);
    }
    const settings = result.data;
    // The outbound policy now, so that a monitor of a forbidden address is refused when saved; a
    // name that does not resolve yet is accepted (its checks say so).
    if (settings.target && settings.kind !== 'DNS') {
      const url = settings.kind === 'HTTP' ? new URL(settings.target) : null;
      const host = url ? url.hostname : settings.target;
      const port = url ? (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80) : settings.port;
      try {
        await deps.policy.resolve(host, port);
      } catch (error) {
        const message = (error as Error).message;
        if (!message.startsWith('cannot resolve'))
          throw new BadUserInputError('input.target', `input.target: ${message}`);
      }
    }
    return settings;
  }

  const tokenOf = (monitor: Monitor) => pushToken(deps.secret, monitor.id, monitor.pushGeneration);

  return {
    existing,
    findById: (id: string) => (isUuid(id) ? monitors.findById(id) : Promise.resolve(null)),

    async create(input: MonitorInputValues): Promise<Monitor> {
      const settings = await settingsOf(input, null);
      const monitor = await monitors.create(settings, (id) =>
        settings.kind === 'PUSH' ? pushTokenHash(pushToken(deps.secret, id, 0)) : null,
      );
      deps.changed();
      return monitor;
    },

    async update(id: string, input: MonitorInputValues): Promise<Monitor> {
      const current = await existing(id);
      const { kind: _kind, ...changes } = input;
      const monitor = await monitors.update(current.id, await settingsOf(changes, current));
      deps.changed();
      return monitor;
    },

    async delete(id: string): Promise<boolean> {
      if (!isUuid(id)) return false;
      const deleted = await monitors.delete(id);
      if (deleted) deps.changed();
      return deleted;
    },

    async rotatePushUrl(id: string): Promise<Monitor> {
      const current = await existing(id);
      if (current.kind !== 'PUSH') throw new BadUserInputError('id', 'Only PUSH monitors have a push URL');
      return monitors.rotatePush(current, (generation) =>
        pushTokenHash(pushToken(deps.secret, current.id, generation)),
      );
    },

    async checkNow(id: string): Promise<Monitor> {
      const monitor = await existing(id);
      await deps.runner.check(monitor);
      return (await monitors.findById(monitor.id)) ?? monitor;
    },

    /** The push URL, for operators and above only (null for others and for other kinds). */
    pushUrlFor(monitor: Monitor, principal: Principal | null): string | null {
      if (monitor.kind !== 'PUSH' || !principal || !roleAtLeast(principal.role, 'OPERATOR')) return null;
      return pushUrl(deps.publicUrl, tokenOf(monitor));
    },

    /**
     * A call of a push URL: records it and a check at once (UP, or DOWN with `?status=down`).
     * False for an unknown token.
     */
    async push(token: string, down: boolean, message: string | null): Promise<boolean> {
      if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) return false;
      const monitor = await monitors.byPushTokenHash(pushTokenHash(token));
      if (!monitor || monitor.kind !== 'PUSH') return false;
      const at = new Date();
      await monitors.recordPush(monitor.id, at);
      if (monitor.enabled)
        await deps.runner.record(
          monitor,
          down
            ? { ok: false, latencyMs: null, error: (message ?? 'reported down by its push').slice(0, 500) }
            : { ok: true, latencyMs: null, error: null },
          at,
        );
      return true;
    },
  };
}

export type MonitorAdmin = ReturnType<typeof createMonitorAdmin>;
