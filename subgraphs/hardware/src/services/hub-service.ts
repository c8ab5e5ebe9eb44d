import { randomUUID } from 'node:crypto';
import {
  BadUserInputError,
  NotFoundError,
  ServiceUnavailableError,
  hubitatEventsUrl,
  type IdempotencyRequest,
  type Logger,
} from '@switchyard/shared';
import type { GraphQLError } from 'graphql';
import type {
  DeviceEventRepository,
  DeviceRepository,
  HubCallKeyRepository,
  HubRepository,
  ImportedDevice,
} from '../data/repositories.ts';
import { validateCommand } from '../domain/device-commands.ts';
import { incomingFromReconciliation } from '../domain/device-event.ts';
import type { TokenCipher } from '../domain/token-cipher.ts';
import type { CommandSender, Device, DeviceCommandSpec, Hub } from '../domain/types.ts';
import type { WebhookSecrets } from '../domain/webhook-secret.ts';
import { HubRequestError, mayHaveReachedHub } from '../hubitat/hub-request-error.ts';
import type { HubCallKind, HubResilience } from '../hubitat/hub-resilience.ts';
import { createMakerApiClient, type MakerApiClient, type MakerApiTarget } from '../hubitat/maker-api-client.ts';
import type { EventIngest } from './event-ingest.ts';
import { hubCallOnce } from './hub-call-once.ts';

export interface HubServiceDeps {
  hubs: Pick<HubRepository, 'create' | 'findById' | 'secretsOf' | 'setStatus' | 'setMode' | 'delete'>;
  devices: Pick<DeviceRepository, 'findById' | 'knownCommands' | 'currentAttributes' | 'replaceFromHub'>;
  keys: HubCallKeyRepository;
  /** Where each accepted command is recorded with who sent it. */
  commandLog: Pick<DeviceEventRepository, 'recordCommand'>;
  ingest: EventIngest;
  resilience: HubResilience;
  cipher: TokenCipher;
  webhooks: WebhookSecrets;
  /** `publicUrl`: where hubs reach this service, for their postURL; read when a postURL is built. */
  endpoint: { readonly publicUrl: string };
  /** How long a command's new state may take to arrive (HUB_COMMAND_TIMEOUT_MS); 10 s when left out. */
  commandTimeoutMs?: number;
  logger: Logger;
  now?: () => Date;
}

export interface RegisterHubInput extends MakerApiTarget {
  name: string;
  storeId: string | null;
}

export interface CommandOutcome {
  device: Device;
  command: string;
  arguments: string[];
  sentAt: Date;
  /** When the new state should have arrived; see confirmLater. */
  confirmBy: Date;
}

// Per-device command look-ups during an import: enough to be quick, few enough not to flood a hub.
const IMPORT_CONCURRENCY = 4;

export type HubService = ReturnType<typeof createHubService>;

/**
 * Everything that talks to hubs: registration, import and reconciliation of devices, commands.
 * Every call goes through the hub's resilience policy and updates the hub's status from the
 * outcome (ONLINE on an answer, OFFLINE when unreachable, UNAUTHORIZED on 401).
 */
export function createHubService(deps: HubServiceDeps) {
  const { hubs, devices, keys, commandLog, ingest, resilience, cipher, webhooks, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const commandTimeoutMs = deps.commandTimeoutMs ?? 10_000;

  const postUrlFor = (hubId: string, generation: number) =>
    hubitatEventsUrl(deps.endpoint.publicUrl, hubId, webhooks.secretFor(hubId, generation));

  async function connect(hubId: string): Promise<{ hub: Hub; client: MakerApiClient; generation: number }> {
    const [hub, secrets] = await Promise.all([hubs.findById(hubId), hubs.secretsOf(hubId)]);
    if (!hub || !secrets) throw new NotFoundError('Hub', hubId);
    let accessToken: string;
    try {
      accessToken = cipher.decrypt(secrets.accessTokenEncrypted, hub.id);
    } catch {
      throw new ServiceUnavailableError(
        `Hub "${hub.name}": its access token cannot be decrypted (was HARDWARE_ENCRYPTION_KEY changed?); re-register the hub`,
      );
    }
    return {
      hub,
      client: createMakerApiClient({ baseUrl: hub.baseUrl, appId: hub.appId, accessToken }),
      generation: secrets.webhookGeneration,
    };
  }

  /** Calls the hub through its policy and records what the outcome says about the hub's status. */
  async function callHub<T>(
    hub: Pick<Hub, 'id'>,
    kind: HubCallKind,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    try {
      const result = await resilience.call(hub.id, kind, work);
      await hubs.setStatus(hub.id, 'ONLINE', 'answered', now());
      return result;
    } catch (error) {
      if (error instanceof HubRequestError && (error.transient || error.failure === 'unauthorized')) {
        const status = error.transient ? 'OFFLINE' : 'UNAUTHORIZED';
        if (await hubs.setStatus(hub.id, status, error.message, now()))
          logger.warn({ hubId: hub.id, status, reason: error.message }, 'hub status changed');
      }
      throw error;
    }
  }

  async function describeDevices(
    hub: Pick<Hub, 'id'>,
    client: MakerApiClient,
    known: Map<string, DeviceCommandSpec[]>,
  ): Promise<ImportedDevice[]> {
    const listed = await callHub(hub, 'read', (signal) => client.devicesAll(signal));
    const result: ImportedDevice[] = [];
    for (let i = 0; i < listed.length; i += IMPORT_CONCURRENCY) {
      const chunk = listed.slice(i, i + IMPORT_CONCURRENCY);
      result.push(
        ...(await Promise.all(
          chunk.map(async (device) => {
            // devices/all names the commands but not their arguments; those come from devices/<id>/commands.
            const names = device.commands.map((c) => c.name);
            const previous = known.get(device.id);
            const unchanged =
              previous && previous.length === names.length && previous.every((c, index) => c.name === names[index]);
            const commands = unchanged
              ? previous
              : await callHub(hub, 'read', (signal) => client.deviceCommands(device.id, signal));
            return {
              hubDeviceId: device.id,
              name: device.name,
              label: device.label || device.name,
              type: device.type ?? null,
              room: device.room ?? null,
              capabilities: device.capabilities,
              commands,
              attributes: Object.fromEntries(
                Object.entries(device.attributes).map(([name, value]) => [name, value ?? null]),
              ),
            };
          }),
        )),
      );
    }
    return result;
  }

  /**
   * Brings the hub's devices up to date: new devices are imported with their state; an attribute
   * of a known device that differs from the hub's is recorded as a RECONCILIATION event, unless an
   * event changed it after the poll began (then the event is newer than the poll).
   */
  async function importAndReconcile(hub: Hub, client: MakerApiClient): Promise<void> {
    const pollStartedAt = now();
    const [known, before] = await Promise.all([devices.knownCommands(hub.id), devices.currentAttributes(hub.id)]);
    const imported = await describeDevices(hub, client, known);
    await devices.replaceFromHub(hub.id, imported, now());
    const repairs = imported.flatMap((device) => {
      const stored = before.get(device.hubDeviceId);
      if (!stored) return [];
      return Object.entries(device.attributes)
        .filter(([name, value]) => stored.has(name) && stored.get(name) !== value)
        .map(([name, value]) =>
          incomingFromReconciliation(hub.id, { hubDeviceId: device.hubDeviceId, name, value }, pollStartedAt, now()),
        );
    });
    await Promise.all(repairs.map((event) => ingest.submit(event)));
    await hubs.setMode(hub.id, await callHub(hub, 'read', (signal) => client.activeMode(signal)));
  }

  /**
   * Why commands seemed to vanish: a hub pushes an event only when a value changes, and a push can
   * be late or lost, while this service relied on the push alone. A command whose event went
   * missing left the stored state stale until the next poll, and every repeat of it (an "on" to a
   * lamp the hub already had on) changed nothing at the hub, so nothing was ever pushed. Now,
   * halfway to the command's deadline, the device is read back from the hub and whatever differs
   * is recorded as a repair; an event that arrived since the command was sent wins over the read.
   */
  function confirmLater(hub: Hub, client: MakerApiClient, device: Device, sentAt: Date): void {
    const confirm = async () => {
      const read = await callHub(hub, 'read', (signal) => client.device(device.hubDeviceId, signal));
      const stored = (await devices.currentAttributes(hub.id)).get(device.hubDeviceId) ?? new Map();
      const repairs = Object.entries(read.attributes)
        .filter(([name, value]) => stored.get(name) !== (value ?? null))
        .map(([name, value]) =>
          incomingFromReconciliation(
            hub.id,
            { hubDeviceId: device.hubDeviceId, name, value: value ?? null },
            sentAt,
            now(),
          ),
        );
      await Promise.all(repairs.map((event) => ingest.submit(event)));
    };
    setTimeout(() => {
      confirm().catch((error: unknown) =>
        logger.debug({ deviceId: device.id, reason: (error as Error).message }, 'command confirmation read failed'),
      );
    }, commandTimeoutMs / 2).unref();
  }

  function toServiceError(hub: Pick<Hub, 'name'>, error: unknown): unknown {
    if (!(error instanceof HubRequestError)) return error;
    if (error.failure === 'unauthorized')
      return new ServiceUnavailableError(
        `Hub "${hub.name}" rejected its access token; re-register it with a valid one`,
      );
    return new ServiceUnavailableError(`Hub "${hub.name}" is unreachable: ${error.message}`);
  }

  function registrationError(baseUrl: string, error: unknown): unknown {
    if (!(error instanceof HubRequestError)) return error;
    const byFailure: Partial<Record<HubRequestError['failure'], GraphQLError>> = {
      unauthorized: new BadUserInputError('input.accessToken', 'The hub rejected this access token'),
      'not-found': new BadUserInputError('input.appId', 'The hub has no Maker API app with this id'),
      'bad-response': new BadUserInputError('input.baseUrl', 'This URL does not answer like a Hubitat Maker API'),
    };
    return (
      byFailure[error.failure] ?? new ServiceUnavailableError(`The hub at ${baseUrl} did not answer: ${error.message}`)
    );
  }

  async function registerNew(input: RegisterHubInput): Promise<Hub> {
    const id = randomUUID();
    const client = createMakerApiClient(input);
    const generation = 1;
    try {
      const imported = await describeDevices({ id }, client, new Map());
      const mode = await resilience.call(id, 'read', (signal) => client.activeMode(signal));
      const hub = await hubs.create({
        id,
        name: input.name,
        baseUrl: input.baseUrl,
        appId: input.appId,
        storeId: input.storeId,
        accessTokenEncrypted: cipher.encrypt(input.accessToken, id),
        webhookSecretHash: webhooks.hash(webhooks.secretFor(id, generation)),
        webhookGeneration: generation,
        mode,
        lastSeenAt: now(),
      });
      await devices.replaceFromHub(id, imported, now());
      try {
        await resilience.call(id, 'read', (signal) => client.subscribe(postUrlFor(id, generation), signal));
      } catch (error) {
        await hubs.delete(id);
        throw error;
      }
      logger.info({ hubId: id, devices: imported.length }, 'hub registered');
      return hub;
    } catch (error) {
      resilience.forget(id);
      throw registrationError(input.baseUrl, error);
    }
  }

  return {
    /**
     * Checks the hub answers, imports its devices, stores the token sealed and subscribes its
     * events. With a key, a repeat answers the registered hub; a failed registration leaves
     * nothing behind, so it forgets the key.
     */
    register(input: RegisterHubInput, idempotency: IdempotencyRequest | null = null): Promise<Hub> {
      return hubCallOnce(keys, idempotency, () => registerNew(input), {
        save: (hub) => ({ id: hub.id }),
        async replay(saved) {
          const { id } = saved as { id: string };
          const hub = await hubs.findById(id);
          if (!hub) throw new NotFoundError('Hub', id);
          return hub;
        },
        keepsFailure: () => false,
      });
    },

    /**
     * One call to the hub's Maker API through its policy (status, breaker), for other services
     * (hub controls); a failure is SERVICE_UNAVAILABLE, an unknown hub NOT_FOUND.
     */
    async callThrough<T>(
      hubId: string,
      kind: HubCallKind,
      work: (client: MakerApiClient, signal: AbortSignal) => Promise<T>,
    ): Promise<T> {
      const { hub, client } = await connect(hubId);
      try {
        return await callHub(hub, kind, (signal) => work(client, signal));
      } catch (error) {
        throw toServiceError(hub, error);
      }
    },

    /** Re-imports devices, repairs state and re-subscribes events (e.g. after the hub was reset). */
    async sync(hubId: string): Promise<Hub> {
      const { hub, client, generation } = await connect(hubId);
      try {
        await importAndReconcile(hub, client);
        await callHub(hub, 'read', (signal) => client.subscribe(postUrlFor(hub.id, generation), signal));
      } catch (error) {
        throw toServiceError(hub, error);
      }
      return (await hubs.findById(hubId)) ?? hub;
    },

    /** The periodic reconciliation of one hub; failures only change the hub's status. */
    async poll(hubId: string): Promise<void> {
      const { hub, client, generation } = await connect(hubId);
      try {
        await importAndReconcile(hub, client);
        // Back from OFFLINE: the hub may have lost its postURL (reset) or this service moved.
        if (hub.status !== 'ONLINE')
          await callHub(hub, 'read', (signal) => client.subscribe(postUrlFor(hub.id, generation), signal));
      } catch (error) {
        if (!(error instanceof HubRequestError)) throw error;
        logger.debug({ hubId, reason: error.message }, 'hub poll failed');
      }
    },

    /** Unsubscribes the hub's events when it answers, then forgets it with its devices. */
    async remove(hubId: string): Promise<string> {
      if (!(await hubs.findById(hubId))) throw new NotFoundError('Hub', hubId);
      try {
        const { client } = await connect(hubId);
        await resilience.call(hubId, 'read', (signal) => client.unsubscribe(signal));
      } catch (error) {
        // A dead hub or an undecryptable token must not keep a hub from being removed.
        logger.warn({ hubId, reason: (error as Error).message }, 'could not clear the hub postURL; removing it anyway');
      }
      await hubs.delete(hubId);
      resilience.forget(hubId);
      return hubId;
    },

    /**
     * Validates against the device's own command list, then sends; the new state arrives as an
     * event. With a key the hub gets the command at most once (hubCallOnce): a repeat answers the
     * first outcome, also a failure after which the hub may have acted.
     */
    async sendCommand(
      deviceId: string,
      command: string,
      args: string[],
      expectedHubId: string | null,
      sender: CommandSender | null = null,
      idempotency: IdempotencyRequest | null = null,
    ): Promise<CommandOutcome> {
      const device = await devices.findById(deviceId);
      if (!device) throw new NotFoundError('Device', deviceId);
      if (expectedHubId && device.hubId !== expectedHubId)
        throw new BadUserInputError('deviceId', 'The device belongs to another hub');
      validateCommand(device.commands, command, args);
      const { hub, client } = await connect(device.hubId);
      const outcome = (sentAt: Date): CommandOutcome => ({
        device,
        command,
        arguments: args,
        sentAt,
        confirmBy: new Date(sentAt.getTime() + commandTimeoutMs),
      });
      try {
        return await hubCallOnce(
          keys,
          idempotency,
          async () => {
            await callHub(hub, 'command', (signal) => client.sendCommand(device.hubDeviceId, command, args, signal));
            const sentAt = now();
            confirmLater(hub, client, device, sentAt);
            await commandLog.recordCommand({ deviceId: device.id, command, args, sentAt, sender });
            return outcome(sentAt);
          },
          {
            save: (result) => ({ sentAt: result.sentAt.toISOString() }),
            replay: async (saved) => outcome(new Date((saved as { sentAt: string }).sentAt)),
            keepsFailure: mayHaveReachedHub,
          },
        );
      } catch (error) {
        if (error instanceof HubRequestError && error.failure === 'not-found')
          throw new NotFoundError('Device', deviceId);
        throw toServiceError(hub, error);
      }
    },

    /**
     * Asks the hub to push something, for testHubEvents: sets its postURL again (the usual cure)
     * and sends `refresh` to one of its devices that has it. Answers the refreshed device's hub id,
     * or null when no device can be refreshed; hub failures are HubRequestErrors.
     */
    async provokeEvent(hubId: string): Promise<string | null> {
      const { hub, client, generation } = await connect(hubId);
      await callHub(hub, 'read', (signal) => client.subscribe(postUrlFor(hub.id, generation), signal));
      const known = await devices.knownCommands(hub.id);
      const target = [...known].find(([, commands]) => commands.some((c) => c.name === 'refresh'))?.[0];
      if (!target) return null;
      await callHub(hub, 'command', (signal) => client.sendCommand(target, 'refresh', [], signal));
      return target;
    },

    /** The events URL this hub should POST to (it carries the webhook secret: redact before showing). */
    async expectedPostUrl(hubId: string): Promise<string> {
      const secrets = await hubs.secretsOf(hubId);
      if (!secrets) throw new NotFoundError('Hub', hubId);
      return postUrlFor(hubId, secrets.webhookGeneration);
    },
  };
}
