import type { HubStatus } from './types.ts';

/** The look-back of the "events stopped but polling sees changes" check. */
export const EVENTS_NOT_ARRIVING_WINDOW_MS = 60 * 60 * 1000;

export type HubDiagnosticCode = 'EVENTS_NOT_ARRIVING' | 'HUB_OFFLINE' | 'HUB_UNAUTHORIZED';

export interface HubDiagnosticWarning {
  code: HubDiagnosticCode;
  message: string;
}

export interface HubDeliveryFacts {
  status: HubStatus;
  /** The last event the hub POSTed, of any kind. */
  lastEventAt: Date | null;
  /** The last change a poll or a command read-back had to repair (a RECONCILIATION event). */
  lastRepairAt: Date | null;
  now: Date;
}

/**
 * What is wrong with a hub's event delivery. Events stopped arriving when a poll repaired a
 * change within the window while the hub posted nothing in it: the device changed, the hub knew,
 * but the push never reached us (postURL lost or pointing elsewhere, a firewall, a proxy).
 */
export function hubDiagnosticWarnings({
  status,
  lastEventAt,
  lastRepairAt,
  now,
}: HubDeliveryFacts): HubDiagnosticWarning[] {
  const warnings: HubDiagnosticWarning[] = [];
  if (status === 'OFFLINE')
    warnings.push({ code: 'HUB_OFFLINE', message: 'The hub does not answer: nothing can be checked until it does.' });
  if (status === 'UNAUTHORIZED')
    warnings.push({
      code: 'HUB_UNAUTHORIZED',
      message: 'The hub rejects its access token: re-register it with a valid one.',
    });
  const since = now.getTime() - EVENTS_NOT_ARRIVING_WINDOW_MS;
  const repairedRecently = lastRepairAt !== null && lastRepairAt.getTime() >= since;
  const quiet = lastEventAt === null || lastEventAt.getTime() < since;
  if (repairedRecently && quiet)
    warnings.push({
      code: 'EVENTS_NOT_ARRIVING',
      message:
        'Polling found changes in the last hour but the hub posted no event: check that its postURL points here (sync the hub to set it again) and that the hub can reach this address.',
    });
  return warnings;
}

/** An events URL fit to show: the path's last segment is the webhook secret. */
export function redactEventsUrl(url: string): string {
  return url.replace(/\/[^/]+$/, '/…');
}
