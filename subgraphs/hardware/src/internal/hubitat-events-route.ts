import type { Request, Router } from 'express';
import type { HubRepository } from '../data/hub-repository.ts';
import { hubitatEventSchema, incomingFromHub } from '../domain/device-event.ts';
import { IngestOverloadedError, type EventIngest } from '../domain/event-ingest.ts';
import type { WebhookSecrets } from '../domain/webhook-secret.ts';

/** Where hubs POST their events: the URL registered with the Maker API's postURL. */
export const HUBITAT_EVENTS_PATH = '/hubitat/events/:hubId/:secret';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A hub sends hundreds of events per second in a burst; its secret's hash is looked up once per window.
const SECRET_CACHE_MS = 5_000;

interface Deps {
  hubs: HubRepository;
  webhooks: WebhookSecrets;
  ingest: EventIngest;
}

/**
 * Reached without the gateway: the hub authenticates with the secret in its URL. Answers
 * 201 stored, 200 duplicate or ignored location event, 400 malformed or invalid body, 401 wrong
 * secret or unknown hub, 404 unknown device, 503 when the queue is full (500 if the database
 * fails); the hub retries on 5xx. A 2xx is only sent once the event is committed.
 */
export function mountHubitatEventsRoute(router: Router, { hubs, webhooks, ingest }: Deps): void {
  const secretHashes = new Map<string, { hash: string | null; until: number }>();

  async function secretHashOf(hubId: string): Promise<string | null> {
    const cached = secretHashes.get(hubId);
    if (cached && cached.until > Date.now()) return cached.hash;
    const hash = (await hubs.secretsOf(hubId))?.webhookSecretHash ?? null;
    secretHashes.set(hubId, { hash, until: Date.now() + SECRET_CACHE_MS });
    return hash;
  }

  router.post(HUBITAT_EVENTS_PATH, async (req, res, next) => {
    const { hubId = '', secret = '' } = req.params;
    redactSecret(req, hubId);
    try {
      const hash = UUID.test(hubId) ? await secretHashOf(hubId) : null;
      if (!hash || !webhooks.matches(secret, hash)) {
        res.status(401).json({ error: 'unknown hub or wrong secret' });
        return;
      }
      const parsed = hubitatEventSchema.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).json({ error: `invalid event: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` });
        return;
      }
      const { content } = parsed.data;
      if (content.deviceId === null || content.deviceId === undefined) {
        // Location events: the hub's mode is kept; HSM and the rest are not this service's business.
        if (content.name === 'mode') await hubs.setMode(hubId, content.value ?? null);
        res.status(200).json({ status: 'ignored' });
        return;
      }
      const outcome = await ingest.submit(incomingFromHub(hubId, { ...content, deviceId: content.deviceId }, new Date()));
      if (outcome === 'unknown-device') res.status(404).json({ error: `device ${content.deviceId} is not known on this hub; sync the hub` });
      else res.status(outcome === 'stored' ? 201 : 200).json({ status: outcome });
    } catch (error) {
      if (error instanceof IngestOverloadedError) {
        res.status(503).set('retry-after', '1').json({ error: 'busy; retry' });
        return;
      }
      next(error);
    }
  });
}

/**
 * The shared request log writes `req.path`; the secret must not reach the logs, so the URL is
 * rewritten once the route has matched (nothing routes on it afterwards).
 */
function redactSecret(req: Request, hubId: string): void {
  req.url = `/hubitat/events/${encodeURIComponent(hubId)}/REDACTED`;
}
