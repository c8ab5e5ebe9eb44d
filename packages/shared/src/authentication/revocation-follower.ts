import type { CredentialRevocation, CredentialRevocationsPage } from '../internal-routes/credential-revocations.ts';
import type { Logger } from '../logger.ts';

export interface RevocationFollowerOptions {
  /** Identity's revocations after a position (only its current position for null). */
  read: (after: string | null) => Promise<CredentialRevocationsPage>;
  /** Each revocation, once, in identity's commit order. */
  onRevocation: (revocation: CredentialRevocation) => void;
  /** What was remembered about credentials can no longer be trusted to know every revocation. */
  onUnknownPast: () => void;
  pollMs: number;
  logger: Logger;
}

/**
 * Follows identity's revocations (sessions ended, keys revoked, users deactivated or given another
 * role) every `pollMs`, continuing from the last position read, so that the authentication cache
 * and the live connections learn of each within one interval while identity answers, and of
 * those committed before an outage as soon as it ends.
 *
 * Until the first read succeeds, and whenever identity's position goes backwards (its database
 * was replaced), revocations may have been missed: `onUnknownPast` is told, so the cache forgets
 * what it held rather than trust it.
 */
export function followCredentialRevocations(options: RevocationFollowerOptions) {
  const { read, onRevocation, onUnknownPast, logger } = options;
  let after: string | null = null;
  let reading: Promise<void> | null = null;
  let failing = false;
  let everRead = false;

  async function readAll(): Promise<void> {
    for (;;) {
      const page = await read(after);
      if (after === null || BigInt(page.latest) < BigInt(after)) onUnknownPast();
      else for (const revocation of page.revocations) onRevocation(revocation);
      // A page with revocations may have been cut at its size limit: read on until one has none.
      const caughtUp = after === null || page.revocations.length === 0;
      after = page.latest;
      if (caughtUp) return;
    }
  }

  function poll(): Promise<void> {
    reading ??= readAll()
      .then(() => {
        if (failing) logger.info('reading credential revocations again');
        failing = false;
        everRead = true;
      })
      .catch((error: unknown) => {
        // Logged once per outage: identity being away is reported by its breaker and /ready. Before
        // the first read it is usually still starting (the whole system starts at once): no alarm.
        if (!failing && !everRead)
          logger.info({ reason: (error as Error).message }, 'waiting for identity to read credential revocations');
        else if (!failing) logger.warn({ err: error }, 'cannot read credential revocations; retrying');
        failing = true;
      })
      .finally(() => (reading = null));
    return reading;
  }

  const timer = setInterval(() => void poll(), options.pollMs);
  timer.unref();
  void poll();

  return {
    /** Reads now (tests and shutdown wait on it). */
    poll,
    stop(): void {
      clearInterval(timer);
    },
  };
}
