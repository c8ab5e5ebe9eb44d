import { NotFoundError, isUuid, type Logger } from '@switchyard/shared';
import type { HubDiagnosticsRepository, HubRepository } from '../data/repositories.ts';
import {
  EVENTS_NOT_ARRIVING_WINDOW_MS,
  hubDiagnosticWarnings,
  redactEventsUrl,
  type HubDiagnosticWarning,
} from '../domain/hub-diagnostics.ts';
import { HubRequestError } from '../hubitat/hub-request-error.ts';
import type { HubService } from './hub-service.ts';

export interface HubDiagnostics {
  lastEventAt: Date | null;
  lastRepairAt: Date | null;
  /** Always null: the Maker API can set and clear its postURL but cannot report it. */
  postUrlPointsHere: boolean | null;
  expectedPostUrl: string;
  warnings: HubDiagnosticWarning[];
}

export interface HubEventTest {
  ok: boolean;
  roundTripMs: number | null;
  message: string;
}

interface Deps {
  hubs: Pick<HubRepository, 'findById'>;
  diagnostics: HubDiagnosticsRepository;
  hubService: Pick<HubService, 'provokeEvent' | 'expectedPostUrl'>;
  logger: Logger;
  /** How long testEvents waits for the hub's event (HUB_COMMAND_TIMEOUT_MS); 10 s when left out. */
  testTimeoutMs?: number;
  pollEveryMs?: number;
  now?: () => Date;
}

export type HubDiagnosticsService = ReturnType<typeof createHubDiagnosticsService>;

/** "Why don't my devices update?": what a hub's event delivery looks like, and a live test of it. */
export function createHubDiagnosticsService(deps: Deps) {
  const { hubs, diagnostics, hubService, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const testTimeoutMs = deps.testTimeoutMs ?? 10_000;
  const pollEveryMs = deps.pollEveryMs ?? 200;

  /** A malformed id names no hub: NOT_FOUND, before the database would refuse it as a uuid. */
  async function hubOf(hubId: string) {
    const hub = isUuid(hubId) ? await hubs.findById(hubId) : null;
    if (!hub) throw new NotFoundError('Hub', hubId);
    return hub;
  }

  return {
    async of(hubId: string): Promise<HubDiagnostics> {
      const hub = await hubOf(hubId);
      const at = now();
      const [lastEventAt, lastRepairAt, expected] = await Promise.all([
        diagnostics.lastEventAt(hubId),
        diagnostics.lastRepairSince(hubId, new Date(at.getTime() - EVENTS_NOT_ARRIVING_WINDOW_MS)),
        hubService.expectedPostUrl(hubId),
      ]);
      return {
        lastEventAt,
        lastRepairAt,
        postUrlPointsHere: null,
        expectedPostUrl: redactEventsUrl(expected),
        warnings: hubDiagnosticWarnings({ status: hub.status, lastEventAt, lastRepairAt, now: at }),
      };
    },

    /**
     * Makes the hub push (postURL set again, `refresh` to a device) and waits for any event from
     * it, polling the hub's last-event time so that an event taken by another replica counts.
     * A silent or unreachable hub is an answer (ok false), not an error.
     */
    async testEvents(hubId: string): Promise<HubEventTest> {
      await hubOf(hubId);
      const started = now();
      let refreshed: string | null;
      try {
        refreshed = await hubService.provokeEvent(hubId);
      } catch (error) {
        if (!(error instanceof HubRequestError)) throw error;
        logger.debug({ hubId, reason: error.message }, 'hub event test: the hub did not answer');
        return { ok: false, roundTripMs: null, message: `The hub did not take the test: ${error.message}` };
      }
      if (refreshed === null)
        return {
          ok: false,
          roundTripMs: null,
          message: 'The postURL was set again, but no device has a refresh command to make the hub send an event.',
        };
      const deadline = started.getTime() + testTimeoutMs;
      for (;;) {
        const last = await diagnostics.lastEventAt(hubId);
        if (last && last.getTime() >= started.getTime())
          return {
            ok: true,
            roundTripMs: Math.max(0, last.getTime() - started.getTime()),
            message: 'The hub sent an event and it arrived.',
          };
        if (now().getTime() >= deadline) break;
        await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
      }
      return {
        ok: false,
        roundTripMs: null,
        message: `No event from the hub within ${Math.round(testTimeoutMs / 1000)} s of setting its postURL and refreshing device ${refreshed}: the hub may not reach this address (PUBLIC_URL), or the device reported nothing new.`,
      };
    },
  };
}
