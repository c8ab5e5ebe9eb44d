import type { Request, Response, Router } from 'express';
import { HUBITAT_DELIVERY_HEADER, hubitatEventsPath, hubitatEventsRoute, isUuid } from '@switchyard/shared';
import type { HubDiagnosticsRepository, HubEventRepository, HubRepository } from '../data/repositories.ts';
import { classifyLocationEvent } from '../domain/hub-controls.ts';
import { incomingFromHub } from '../domain/device-event.ts';
import { IngestOverloadedError, type EventIngest } from '../services/event-ingest.ts';
import type { WebhookSecrets } from '../domain/webhook-secret.ts';

// A delivery identity is an opaque token; anything else in the header is ignored (as if absent).
const DELIVERY_ID = /^[\w.:-]{1,100}$/;
// A hub sends hundreds of events per second in a burst; its secret's hash is looked up once per window.
const SECRET_CACHE_MS = 5_000;
// A real event is a few hundred bytes; the schema bounds each field, this the whole body.
const MAX_BODY_BYTES = 16 * 1024;
// Hubs retry a 503; a second is enough for a batch or two to commit.
const RETRY_AFTER_SECONDS = 1;

interface Deps {
  hubs: HubRepository;
  webhooks: WebhookSecrets;
  ingest: EventIngest;
  hubDiagnosticsRepository: Pick<HubDiagnosticsRepository, 'touchHub'>;
  hubEvents: Pick<HubEventRepository, 'record'>;
}

/**
 * Reached without the gateway: the hub authenticates with the secret in its URL. Answers
 * 201 stored, 200 duplicate or ignored location event, 400 malformed or invalid body (too deep,
 * too long a field), 401 wrong secret or unknown hub, 404 unknown device, 413 a body over 16 KB,
 * 503 with Retry-After when the queue is full, checked first so a flood costs no work (500 if the
 * database fails); the hub retries on 5xx. A 2xx is only sent once the event is committed.
 */
export function mountHubitatEventsRoute(
  router: Router,
  { hubs, webhooks, ingest, hubDiagnosticsRepository, hubEvents }: Deps,
): void {
  const secretHashes = new Map<string, { hash: string | null; until: number }>();

  async function secretHashOf(hubId: string): Promise<string | null> {
    const cached = secretHashes.get(hubId);
    if (cached && cached.until > Date.now()) return cached.hash;
    const hash = (await hubs.secretsOf(hubId))?.webhookSecretHash ?? null;
    secretHashes.set(hubId, { hash, until: Date.now() + SECRET_CACHE_MS });
    return hash;
  }

  router.post(hubitatEventsRoute.path, async (req, res, next) => {
    const { hubId = '', secret = '' } = req.params;
    redactSecret(req, hubId);
    if (ingest.isFull()) {
      busy(res);
      return;
    }
    if ((req.rawBody?.length ?? 0) > MAX_BODY_BYTES) {
      res.status(413).json({ error: `an event body is at most ${MAX_BODY_BYTES} bytes` });
      return;
    }
    try {
      const hash = isUuid(hubId) ? await secretHashOf(hubId) : null;
      if (!hash || !webhooks.matches(secret, hash)) {
        res.status(401).json({ error: 'unknown hub or wrong secret' });
        return;
      }
      const parsed = hubitatEventsRoute.request.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).json({
          error: `invalid event: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
        });
        return;
      }
      const { content } = parsed.data;
      if (content.deviceId === null || content.deviceId === undefined) {
        // Location events: mode, HSM status and alerts, hub variables become hub events; the rest is ignored.
        await hubDiagnosticsRepository.touchHub(hubId, new Date());
        const location = classifyLocationEvent(content.name, content.value ?? null);
        const stored = location ? await hubEvents.record(hubId, [location], new Date()) : [];
        if (stored.length > 0) res.status(201).json({ status: 'stored' });
        else res.status(200).json({ status: location ? 'duplicate' : 'ignored' });
        return;
      }
      const delivery = req.get(HUBITAT_DELIVERY_HEADER);
      const outcome = await ingest.submit(
        incomingFromHub(
          hubId,
          { ...content, deviceId: content.deviceId },
          new Date(),
          delivery && DELIVERY_ID.test(delivery) ? delivery : null,
        ),
      );
      if (outcome === 'unknown-device')
        res.status(404).json({ error: `device ${content.deviceId} is not known on this hub; sync the hub` });
      else res.status(outcome === 'stored' ? 201 : 200).json({ status: outcome });
    } catch (error) {
      if (error instanceof IngestOverloadedError) {
        busy(res);
        return;
      }
      next(error);
    }
  });
}

function busy(res: Response): void {
  res.status(503).set('retry-after', String(RETRY_AFTER_SECONDS)).json({ error: 'busy; retry' });
}

/**
 * The shared request log writes `req.path`; the secret must not reach the logs, so the URL is
 * rewritten once the route has matched (nothing routes on it afterwards).
 */
function redactSecret(req: Request, hubId: string): void {
  req.url = hubitatEventsPath(hubId, 'REDACTED');
}
