import { TRACEPARENT_HEADER, activeTraceparent } from '@switchyard/shared';
import type { z } from 'zod';
import type { DeviceCommandSpec } from '../domain/types.ts';
import { HubRequestError, redactUrl } from './hub-request-error.ts';
import {
  detailedDeviceSchema,
  deviceCommandsSchema,
  devicesAllSchema,
  hsmSchema,
  hubVariablesSchema,
  modesSchema,
  type DetailedDevice,
  type MakerApiMode,
  type MakerApiVariable,
} from './maker-api-schemas.ts';

export interface MakerApiTarget {
  baseUrl: string;
  appId: string;
  accessToken: string;
}

export type MakerApiClient = ReturnType<typeof createMakerApiClient>;

/**
 * One hub's Maker API (`<baseUrl>/apps/api/<appId>/…?access_token=…`). Every method takes the
 * abort signal of the resilience policy that enforces the timeout; failures are HubRequestErrors.
 */
export function createMakerApiClient(target: MakerApiTarget) {
  const base = `${target.baseUrl}/apps/api/${encodeURIComponent(target.appId)}/`;

  /** GETs a Maker API path and returns the body of a 2xx answer; `label` names the call in errors. */
  async function get(path: string, signal: AbortSignal, label = path): Promise<string> {
    const url = `${base}${path}${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(target.accessToken)}`;
    let response: Response;
    try {
      // With tracing on, the hub call carries the request's trace like every other outgoing call.
      const traceparent = activeTraceparent();
      response = await fetch(url, {
        signal,
        headers: { accept: 'application/json', ...(traceparent ? { [TRACEPARENT_HEADER]: traceparent } : {}) },
      });
    } catch (error) {
      throw fetchFailure(error, label);
    }
    const body = await response.text().catch(() => '');
    if (response.status === 401 || response.status === 403)
      throw new HubRequestError(
        'unauthorized',
        `GET ${label}: the hub rejected the access token (HTTP ${response.status})`,
      );
    if (response.status === 404) throw new HubRequestError('not-found', `GET ${label}: not found on the hub`);
    if (response.status >= 500)
      throw new HubRequestError('server', `GET ${label}: the hub answered HTTP ${response.status}`);
    if (!response.ok)
      throw new HubRequestError('bad-response', `GET ${label}: the hub answered HTTP ${response.status}`);
    return body;
  }

  async function getJson<S extends z.ZodType>(path: string, schema: S, signal: AbortSignal): Promise<z.output<S>> {
    const body = await get(path, signal);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new HubRequestError('bad-response', `GET ${path}: the hub did not answer JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new HubRequestError(
        'bad-response',
        `GET ${path}: unexpected answer (${parsed.error.issues[0]?.message ?? 'invalid'})`,
      );
    return parsed.data;
  }

  const devicePath = (hubDeviceId: string) => `devices/${encodeURIComponent(hubDeviceId)}`;

  return {
    devicesAll: (signal: AbortSignal): Promise<DetailedDevice[]> => getJson('devices/all', devicesAllSchema, signal),

    /** `devices/<id>`: one device with its current attribute values. */
    device: (hubDeviceId: string, signal: AbortSignal): Promise<DetailedDevice> =>
      getJson(devicePath(hubDeviceId), detailedDeviceSchema, signal),

    deviceCommands: (hubDeviceId: string, signal: AbortSignal): Promise<DeviceCommandSpec[]> =>
      getJson(`${devicePath(hubDeviceId)}/commands`, deviceCommandsSchema, signal),

    /** `devices/<id>/<command>[/<arg1,arg2>]`: secondary values are comma-separated in one segment. */
    async sendCommand(
      hubDeviceId: string,
      command: string,
      args: readonly string[],
      signal: AbortSignal,
    ): Promise<void> {
      const suffix = args.length > 0 ? `/${args.map(encodeURIComponent).join(',')}` : '';
      await get(`${devicePath(hubDeviceId)}/${encodeURIComponent(command)}${suffix}`, signal);
    },

    async activeMode(signal: AbortSignal): Promise<string | null> {
      return (await getJson('modes', modesSchema, signal)).find((mode) => mode.active)?.name ?? null;
    },

    /** `modes`: every mode of the hub's location, the active one flagged. */
    modes: (signal: AbortSignal): Promise<MakerApiMode[]> => getJson('modes', modesSchema, signal),

    /** `modes/<id>`: activates a mode (by the hub's id of it). */
    async setMode(modeId: string, signal: AbortSignal): Promise<void> {
      await get(`modes/${encodeURIComponent(modeId)}`, signal);
    },

    /** `hsm`: `{ "hsm": "armedAway" }`. */
    hsmStatus: async (signal: AbortSignal): Promise<string> => (await getJson('hsm', hsmSchema, signal)).hsm,

    /** `hsm/<armAway|armHome|armNight|disarm>`. */
    async setHsm(command: string, signal: AbortSignal): Promise<void> {
      await get(`hsm/${encodeURIComponent(command)}`, signal);
    },

    /** `hubvariables`: the hub variables authorised for this Maker API app, `[{ name, type, value }]`. */
    hubVariables: (signal: AbortSignal): Promise<MakerApiVariable[]> =>
      getJson('hubvariables', hubVariablesSchema, signal),

    /** `hubvariables/<name>/<value>`: sets one (the hub converts the text to the variable's type). */
    async setHubVariable(name: string, value: string, signal: AbortSignal): Promise<void> {
      await get(`hubvariables/${encodeURIComponent(name)}/${encodeURIComponent(value)}`, signal);
    },

    /** Makes the hub POST every device event to `url`; the hub keeps one postURL per Maker API app. */
    async subscribe(url: string, signal: AbortSignal): Promise<void> {
      // The URL carries the webhook secret: errors name the call without it.
      await get(`postURL/${encodeURIComponent(url)}`, signal, 'postURL/<events URL>');
    },

    async unsubscribe(signal: AbortSignal): Promise<void> {
      await get('postURL', signal);
    },
  };
}

function fetchFailure(error: unknown, path: string): HubRequestError {
  if ((error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError')
    return new HubRequestError('timeout', `GET ${path}: timed out`);
  // undici puts the socket error (ECONNREFUSED…) in `cause`; its message may contain the URL, so only the code is kept.
  const cause = (error as { cause?: { code?: string } }).cause;
  const errno = typeof cause?.code === 'string' ? cause.code : null;
  return new HubRequestError(
    'connection',
    redactUrl(`GET ${path}: cannot connect to the hub (${errno ?? 'network error'})`),
    errno,
  );
}
