import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CommandRejectedError,
  DEVICE_KINDS,
  MOMENTARY_ATTRIBUTES,
  createDevice,
  randomReading,
  type AttributeChanges,
  type DeviceKind,
  type VirtualDevice,
} from './devices.ts';
import { createEventDelivery, type DeliveryOptions, type HubEventContent } from './event-delivery.ts';

export interface SimulatorOptions {
  accessToken: string;
  appId?: string;
  host?: string;
  /** 0 picks a free port; the port is kept across stop() and start(). */
  port?: number;
  /** One device per entry, ids "1", "2"… in this order. */
  devices?: readonly DeviceKind[];
  /** Hub variables the Maker API app exposes; a few of each type when left out. */
  variables?: readonly HubVariable[];
  /** Random sensor readings every this many ms; 0 (the default) turns them off. */
  activityIntervalMs?: number;
  delivery?: Partial<DeliveryOptions>;
}

export interface Mode {
  id: number;
  name: string;
  active: boolean;
}

/** A hub variable as the Maker API lists it (`hubvariables`); types in Hubitat's lower-case words. */
export interface HubVariable {
  name: string;
  type: 'integer' | 'bigdecimal' | 'boolean' | 'string' | 'datetime';
  value: string;
}

const DEFAULT_VARIABLES: readonly HubVariable[] = [
  { name: 'Guests', type: 'integer', value: '0' },
  { name: 'TargetTemperature', type: 'bigdecimal', value: '21.5' },
  { name: 'Holiday', type: 'boolean', value: 'false' },
  { name: 'Greeting', type: 'string', value: 'Welcome' },
  { name: 'ClosingTime', type: 'datetime', value: '2026-12-24T18:00:00.000Z' },
];

/** HSM's intrusion alert per armed status, as Hubitat names them (intrusion is the Away one). */
const INTRUSION_ALERTS: Record<string, string> = {
  armedAway: 'intrusion',
  armedHome: 'intrusion-home',
  armedNight: 'intrusion-night',
};

const HSM_COMMANDS: Record<string, string> = {
  armAway: 'armedAway',
  armHome: 'armedHome',
  armNight: 'armedNight',
  disarm: 'disarmed',
  disarmAll: 'disarmed',
  armAll: 'armedAway',
};

export type Simulator = Awaited<ReturnType<typeof createSimulator>>;

/** Where tests switch the simulator's faults (not a Maker API path). */
export const FAULTS_PATH = '/simulator/faults';
/** Where tests in another process make a physical change, e.g. open a contact (not a Maker API path). */
export const ATTRIBUTES_PATH = '/simulator/attributes';

/**
 * A Hubitat Elevation hub's Maker API, faithful enough to develop and test against: the same
 * paths under /apps/api/<appId>/, the same JSON, 401 without the right access_token, 404 for
 * unknown devices, device state that commands change, and events POSTed to the postURL.
 */
export async function createSimulator(options: SimulatorOptions) {
  const appId = options.appId ?? '1';
  const host = options.host ?? '127.0.0.1';
  const devices = new Map<string, VirtualDevice>(
    (options.devices ?? DEVICE_KINDS).map((kind, index) => [String(index + 1), createDevice(kind, String(index + 1))]),
  );
  const history = new Map<string, { name: string; value: string; unit: string | null; date: string }[]>();
  const modes: Mode[] = ['Day', 'Evening', 'Night', 'Away'].map((name, index) => ({
    id: index + 1,
    name,
    active: index === 0,
  }));
  let hsm = 'disarmed';
  let alerting = false;
  const variables = new Map((options.variables ?? DEFAULT_VARIABLES).map((v) => [v.name, { ...v }]));
  let postUrl: string | null = null;
  const commandsReceived: { deviceId: string; command: string; args: string[] }[] = [];
  const delivery = createEventDelivery({ attempts: 5, retryDelayMs: 200, timeoutMs: 5_000, ...options.delivery });

  function emit(content: Omit<HubEventContent, 'data'>): void {
    if (content.deviceId) {
      const list = history.get(content.deviceId) ?? [];
      list.unshift({
        name: content.name,
        value: content.value ?? '',
        unit: content.unit,
        date: new Date().toISOString(),
      });
      history.set(content.deviceId, list.slice(0, 100));
    }
    if (postUrl && !simulator.faults.eventsMuted) delivery.send(postUrl, { ...content, data: null });
  }

  /**
   * Applies attribute changes and emits an event for each value that really changed, as hubs do;
   * a momentary attribute (a button press) is an event every time, flagged `isStateChange`.
   */
  function apply(device: VirtualDevice, changes: AttributeChanges, type: 'physical' | 'digital'): void {
    for (const [name, value] of Object.entries(changes)) {
      const momentary = MOMENTARY_ATTRIBUTES.has(name);
      if (device.attributes[name] === value && !momentary) continue;
      device.attributes[name] = value;
      const unit = device.units[name] ?? null;
      emit({
        name,
        value,
        displayName: device.label,
        deviceId: device.id,
        descriptionText: `${device.label} ${name} is ${value}${unit ?? ''}`,
        unit,
        type,
        ...(momentary ? { isStateChange: true } : {}),
      });
      intrusionCheck(device, name, value);
    }
  }

  /** What a driver's refresh does: reads the device and reports a value, even an unchanged one. */
  function report(device: VirtualDevice): void {
    const [name, value] = Object.entries(device.attributes)[0] ?? [];
    if (name === undefined || value === undefined) return;
    const unit = device.units[name] ?? null;
    emit({
      name,
      value,
      displayName: device.label,
      deviceId: device.id,
      descriptionText: `${device.label} ${name} is ${value}${unit ?? ''}`,
      unit,
      type: 'digital',
    });
  }

  /** Armed HSM raises an intrusion alert when a contact opens or motion is seen, as Hubitat's does. */
  function intrusionCheck(device: VirtualDevice, name: string, value: string): void {
    const alert = INTRUSION_ALERTS[hsm];
    const tripped = (name === 'contact' && value === 'open') || (name === 'motion' && value === 'active');
    if (!alert || !tripped) return;
    alerting = true;
    emitLocation('hsmAlert', alert, `Intrusion alert: ${device.label}`);
  }

  function emitLocation(name: string, value: string, descriptionText: string): void {
    emit({ name, value, displayName: 'Location', deviceId: null, descriptionText, unit: null, type: 'digital' });
  }

  const detailed = (device: VirtualDevice) => ({
    name: device.name,
    label: device.label,
    type: device.type,
    id: device.id,
    date: new Date().toISOString(),
    model: null,
    manufacturer: null,
    room: device.room,
    capabilities: device.capabilities,
    attributes: { ...device.attributes },
    commands: device.commands.map((c) => ({ command: c.name })),
  });

  const single = (device: VirtualDevice) => ({
    id: device.id,
    name: device.name,
    label: device.label,
    type: device.type,
    room: device.room,
    attributes: Object.entries(device.attributes).map(([name, currentValue]) => ({
      name,
      currentValue,
      dataType: Number.isFinite(Number(currentValue)) ? 'NUMBER' : 'ENUM',
    })),
    capabilities: device.capabilities,
    commands: device.commands.map((c) => c.name),
  });

  function route(segments: string[]): { status: number; body: unknown } {
    const [head, id, action, ...rest] = segments;
    if (head === 'devices' && id === undefined)
      return ok([...devices.values()].map(({ id: deviceId, name, label }) => ({ id: deviceId, name, label })));
    if (head === 'devices' && id === 'all') return ok([...devices.values()].map(detailed));
    if (head === 'devices') {
      const device = devices.get(id!);
      if (!device)
        return { status: 404, body: { error: true, type: 'DeviceNotFound', message: `Device ${id} not found` } };
      if (action === undefined) return ok(single(device));
      if (action === 'events')
        return ok(
          (history.get(device.id) ?? []).map((e) => ({
            device_id: device.id,
            label: device.label,
            name: e.name,
            value: e.value,
            date: e.date,
            unit: e.unit,
            isStateChange: null,
            source: 'DEVICE',
          })),
        );
      if (action === 'commands')
        return ok(device.commands.map((c) => ({ command: c.name, type: c.types.length > 0 ? c.types : ['n/a'] })));
      if (action === 'capabilities') return ok({ capabilities: device.capabilities });
      if (action === 'attribute') {
        const name = rest[0] ?? '';
        return name in device.attributes
          ? ok({ id: device.id, attribute: name, value: device.attributes[name] })
          : { status: 404, body: { error: true, message: `No attribute ${name}` } };
      }
      // Secondary values arrive comma-separated in one path segment.
      const args = rest.length > 0 ? rest.join('/').split(',') : [];
      commandsReceived.push({ deviceId: device.id, command: action, args });
      const definition = device.commands.find((c) => c.name === action);
      if (!definition)
        return { status: 400, body: { error: true, type: 'CommandNotFound', message: `Command ${action} not found` } };
      if (simulator.faults.commandsIgnored) return ok(single(device));
      if (action === 'refresh') report(device);
      try {
        apply(device, definition.run(device, args), 'digital');
      } catch (error) {
        if (error instanceof CommandRejectedError)
          return { status: 400, body: { error: true, message: error.message } };
        throw error;
      }
      return ok(single(device));
    }
    if (head === 'postURL') {
      postUrl = id ? id : null;
      if (!postUrl) delivery.clear();
      return ok({ url: postUrl });
    }
    if (head === 'modes' && id === undefined) return ok(modes);
    if (head === 'modes') {
      const mode = modes.find((m) => String(m.id) === id);
      if (!mode) return { status: 404, body: { error: true, message: `Mode ${id} not found` } };
      if (!mode.active) {
        for (const m of modes) m.active = m === mode;
        emit({
          name: 'mode',
          value: mode.name,
          displayName: 'Location',
          deviceId: null,
          descriptionText: `Mode is ${mode.name}`,
          unit: null,
          type: 'digital',
        });
      }
      return ok(modes);
    }
    if (head === 'hsm' && id === undefined) return ok({ hsm });
    if (head === 'hsm' && id && HSM_COMMANDS[id]) {
      const next = HSM_COMMANDS[id]!;
      // Disarming ends an alert in progress: Hubitat says so with hsmAlert cancel.
      if (next === 'disarmed' && alerting) emitLocation('hsmAlert', 'cancel', 'Alerts cancelled');
      if (next === 'disarmed') alerting = false;
      if (next !== hsm) {
        hsm = next;
        emitLocation('hsmStatus', hsm, `HSM is ${hsm}`);
      }
      return ok({ hsm });
    }
    if (head === 'hubvariables' && id === undefined) return ok([...variables.values()]);
    if (head === 'hubvariables') {
      const variable = variables.get(id!);
      if (!variable) return { status: 404, body: { error: true, message: `Variable ${id} not found` } };
      if (action === undefined) return ok(variable);
      const value = [action, ...rest].join('/');
      if (variable.value !== value) {
        variable.value = value;
        emitLocation(`variable:${variable.name}`, value, `Variable ${variable.name} is ${value}`);
      }
      return ok(variable);
    }
    return { status: 404, body: { error: true, message: 'Not found' } };
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://hub');
    const prefix = `/apps/api/${appId}/`;
    const send = (status: number, body: unknown) => {
      const answer = () => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (simulator.answerDelayMs > 0) setTimeout(answer, simulator.answerDelayMs);
      else answer();
    };
    // Not part of the Maker API: lets a launcher wait until the simulator listens.
    if (url.pathname === '/health') return send(200, { status: 'ok' });
    // Not part of the Maker API either: tests in another process switch faults on and off.
    if (url.pathname === FAULTS_PATH && req.method === 'POST') return void setFaults(req, send);
    if (url.pathname === ATTRIBUTES_PATH && req.method === 'POST') return void setAttributeOverHttp(req, send);
    if (!url.pathname.startsWith(prefix)) return send(404, { error: true, message: 'No such app' });
    if (url.searchParams.get('access_token') !== options.accessToken)
      return send(401, { error: true, type: 'AccessDenied', message: 'Unauthorized' });
    // Decode each segment after splitting, so an encoded postURL stays one segment.
    const segments = url.pathname.slice(prefix.length).split('/').filter(Boolean).map(decodeURIComponent);
    try {
      const { status, body } = route(segments);
      send(status, body);
    } catch {
      send(500, { error: true, message: 'Internal error' });
    }
  }

  /** Takes `{ "eventsMuted"?: boolean, "commandsIgnored"?: boolean }`, guarded by the access token. */
  function setFaults(req: IncomingMessage, send: (status: number, body: unknown) => void): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.headers.authorization !== `Bearer ${options.accessToken}`)
        return send(401, { error: true, message: 'Unauthorized' });
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Partial<Simulator['faults']>;
        for (const key of ['eventsMuted', 'commandsIgnored'] as const)
          if (typeof body[key] === 'boolean') simulator.faults[key] = body[key];
        send(200, simulator.faults);
      } catch {
        send(400, { error: true, message: 'a JSON object is expected' });
      }
    });
  }

  /**
   * Takes `{ "deviceId": "3", "name": "contact", "value": "open" }`, guarded by the access token:
   * the change happens as if at the device (its event is pushed; armed HSM raises its alert).
   */
  function setAttributeOverHttp(req: IncomingMessage, send: (status: number, body: unknown) => void): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.headers.authorization !== `Bearer ${options.accessToken}`)
        return send(401, { error: true, message: 'Unauthorized' });
      let body: { deviceId?: unknown; name?: unknown; value?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as typeof body;
      } catch {
        return send(400, { error: true, message: 'a JSON object is expected' });
      }
      const { deviceId, name, value } = body;
      if (typeof deviceId !== 'string' || typeof name !== 'string' || typeof value !== 'string')
        return send(400, { error: true, message: 'deviceId, name and value are strings' });
      if (!devices.has(deviceId)) return send(404, { error: true, message: `no device ${deviceId}` });
      simulator.setAttribute(deviceId, name, value);
      send(200, { deviceId, name, value });
    });
  }

  let server: Server | null = null;
  let port = options.port ?? 0;
  let activity: NodeJS.Timeout | null = null;

  const simulator = {
    appId,
    accessToken: options.accessToken,
    get url(): string {
      return `http://${host}:${port}`;
    },
    devices,
    get postUrl(): string | null {
      return postUrl;
    },
    delivery,
    /** Every command request for a known device, in arrival order, whether the device took it or not. */
    commandsReceived,
    /** Answers this late, having done what was asked: as a slow hub whose answer a client gives up on. */
    answerDelayMs: 0,
    /**
     * Test-only misbehaviour, also settable over HTTP (POST /simulator/faults with the access token):
     * `eventsMuted` changes state but pushes no event (a lost push), `commandsIgnored` answers a
     * command as done and does nothing (a device that never acts).
     */
    faults: { eventsMuted: false, commandsIgnored: false },

    /** Listens (again), on the same port as before; the hub's state is kept. */
    async start(): Promise<void> {
      if (server) return;
      const listening = createServer(handle);
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, host, () => resolve());
      });
      server = listening;
      port = (listening.address() as AddressInfo).port;
      delivery.resume();
      const interval = options.activityIntervalMs ?? 0;
      if (interval > 0) activity = setInterval(() => simulator.randomActivity(), interval);
    },

    /** Powers the hub off: no more answers and no more events until start(). */
    async stop(): Promise<void> {
      if (activity) clearInterval(activity);
      activity = null;
      delivery.pause();
      const closing = server;
      server = null;
      if (!closing) return;
      await new Promise<void>((resolve) => {
        closing.close(() => resolve());
        closing.closeAllConnections();
      });
    },

    /** A physical change, as when someone opens a door: updates state and pushes the event. */
    setAttribute(deviceId: string, name: string, value: string): void {
      const device = devices.get(deviceId);
      if (!device) throw new RangeError(`no device ${deviceId}`);
      apply(device, { [name]: value }, 'physical');
    },

    /** Someone presses button `button` (1–4) of a button device: one event per press, even the same one twice. */
    pushButton(deviceId: string, button = 1): void {
      simulator.setAttribute(deviceId, 'pushed', String(button));
    },
    /** HSM's status now, in Hubitat's words (armedAway, disarmed…). */
    get hsm(): string {
      return hsm;
    },
    variables,

    /** A battery report (percent), as a battery device sends it when its level changes. */
    setBattery(deviceId: string, percent: number): void {
      simulator.setAttribute(deviceId, 'battery', String(percent));
    },

    /** The hub's health check verdict on a device (`offline` when it stopped answering), as Hubitat reports it. */
    setHealthStatus(deviceId: string, status: 'online' | 'offline'): void {
      simulator.setAttribute(deviceId, 'healthStatus', status);
    },

    randomActivity(): void {
      const sensors = [...devices.values()].filter((d) => randomReading(d) !== null);
      const device = sensors[Math.floor(Math.random() * sensors.length)];
      const reading = device && randomReading(device);
      if (device && reading) apply(device, reading, 'physical');
    },
  };
  await simulator.start();
  return simulator;
}

function ok(body: unknown) {
  return { status: 200, body };
}
