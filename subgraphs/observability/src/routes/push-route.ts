import type { Router } from 'express';
import { PUSH_PATH_PREFIX } from '../domain/monitor.ts';
import type { MonitorAdmin } from '../monitors/monitor-admin.ts';

/** Calls per token and minute; a cron job or device pushes every few seconds at most. */
export const PUSH_RATE_PER_MINUTE = 60;

/** A fixed one-minute window per key, in this process's memory (the gateway spreads nothing: each replica counts its own). */
export function createRateLimiter(perMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, { startMs: number; count: number }>();
  return (key: string): boolean => {
    const at = now();
    if (windows.size > 10_000) for (const [k, w] of windows) if (at - w.startMs >= 60_000) windows.delete(k);
    const window = windows.get(key);
    if (!window || at - window.startMs >= 60_000) {
      windows.set(key, { startMs: at, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= perMinute;
  };
}

/**
 * `GET|POST /push/<token>[?status=down&msg=…]`: a PUSH monitor's heartbeat, reached through the
 * gateway's /push proxy without sign-in (the token is the secret; it is never logged). Answers
 * 200 {"ok":true}, 404 for an unknown token, 429 above PUSH_RATE_PER_MINUTE calls of one token.
 */
export function mountPushRoute(router: Router, monitorAdmin: MonitorAdmin): void {
  const allow = createRateLimiter(PUSH_RATE_PER_MINUTE);
  router.all(`${PUSH_PATH_PREFIX}:token`, async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'POST')
      return void res.status(405).json({ ok: false, error: 'GET or POST' });
    res.setHeader('cache-control', 'no-store');
    const token = String(req.params.token);
    if (!allow(token)) return void res.status(429).json({ ok: false, error: 'too many calls; slow down' });
    try {
      const down = String(req.query.status ?? '').toLowerCase() === 'down';
      const message = typeof req.query.msg === 'string' ? req.query.msg : null;
      const known = await monitorAdmin.push(token, down, message);
      if (!known) return void res.status(404).json({ ok: false, error: 'unknown push URL' });
      res.json({ ok: true });
    } catch (error) {
      req.log.error({ err: error }, 'push not recorded');
      res.status(500).json({ ok: false, error: 'not recorded; retry later' });
    }
  });
}
