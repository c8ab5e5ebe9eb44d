import { z } from 'zod';

// Real values are short ("on", "21.5", a color map); a bound keeps a hub (or anyone with its URL)
// from storing blobs in every device's history.
const MAX_VALUE_LENGTH = 1_000;
const scalar = z.union([z.string().max(MAX_VALUE_LENGTH), z.number(), z.boolean()]).transform(String);

// `data` is free-form (a button's extra fields, a JSON string): bounded in depth first, walked
// without recursion, so hashing or storing it cannot overflow the stack; then in size.
const MAX_DATA_DEPTH = 8;
const MAX_DATA_JSON_LENGTH = 4_000;
const boundedData = z.unknown().superRefine((data, ctx) => {
  if (depthExceeds(data, MAX_DATA_DEPTH))
    ctx.addIssue({ code: 'custom', message: `nests deeper than ${MAX_DATA_DEPTH}` });
  else if ((JSON.stringify(data) ?? '').length > MAX_DATA_JSON_LENGTH)
    ctx.addIssue({ code: 'custom', message: `is longer than ${MAX_DATA_JSON_LENGTH} characters as JSON` });
});

/** Whether `value` nests objects or arrays deeper than `limit`, found with an explicit stack. */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Where hub event posts begin, on hardware and on the public origin: the web server forwards
 * every path under it to hardware, so hubs need only the one origin (PUBLIC_URL).
 */
export const HUBITAT_EVENTS_PREFIX = '/hubitat/events/';

/**
 * Where Hubitat hubs POST their events (the URL registered with the Maker API's postURL), served
 * by hardware. Not behind the internal signature: the hub authenticates with the secret in the URL.
 * Answers 201 stored, 200 duplicate or ignored location event; errors are `{ error }` (400
 * malformed, 401 wrong secret or unknown hub, 404 unknown device, 503 busy: the hub retries on 5xx).
 */
export const hubitatEventsRoute = {
  method: 'POST',
  path: `${HUBITAT_EVENTS_PREFIX}:hubId/:secret`,
  /**
   * `{ "content": { name, value, displayName, deviceId, descriptionText, unit, type, data } }`.
   * Location events (mode changes, HSM) carry no deviceId. Values arrive as strings from real
   * hubs; numbers are accepted too.
   */
  request: z.object({
    content: z.object({
      name: z.string().min(1).max(100),
      value: scalar.nullable().optional(),
      displayName: z.string().max(200).nullable().optional(),
      deviceId: scalar.nullable().optional(),
      descriptionText: z.string().max(1000).nullable().optional(),
      unit: z.string().max(50).nullable().optional(),
      type: z.string().max(50).nullable().optional(),
      data: boundedData.optional(),
      /** Sent by some hubs and apps; true marks a repeated value the driver forced (a button press). */
      isStateChange: z
        .union([z.boolean(), z.enum(['true', 'false'])])
        .transform((flag) => flag === true || flag === 'true')
        .nullable()
        .optional(),
    }),
  }),
  response: z.union([
    z.object({ status: z.enum(['stored', 'duplicate', 'ignored']) }),
    z.object({ error: z.string() }),
  ]),
} as const;

export type HubitatEvent = z.output<typeof hubitatEventsRoute.request>;

/**
 * A delivery's identity, shared by every retry of it: sent by the simulator, absent from a real
 * hub. Momentary events (button presses) are de-duplicated by it rather than by their content.
 */
export const HUBITAT_DELIVERY_HEADER = 'x-hubitat-delivery';

/** The URL a hub is told to POST its events to, at the public origin (PUBLIC_URL). */
export function hubitatEventsUrl(publicUrl: string, hubId: string, secret: string): string {
  return `${publicUrl}${hubitatEventsPath(hubId, secret)}`;
}

/** The route's path for one hub and secret (the request log gets it with the secret replaced). */
export function hubitatEventsPath(hubId: string, secret: string): string {
  return hubitatEventsRoute.path
    .replace(':hubId', encodeURIComponent(hubId))
    .replace(':secret', encodeURIComponent(secret));
}
