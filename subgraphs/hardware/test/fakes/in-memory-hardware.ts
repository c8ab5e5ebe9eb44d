import { randomUUID } from 'node:crypto';
import { ConflictError, IdempotencyKeyReusedError, type NewDomainEvent } from '@switchyard/shared';
import type {
  DeviceRepository,
  HubCallKeyRepository,
  HubCallKeyState,
  HubRepository,
  HubSecrets,
  ImportedDevice,
} from '../../src/data/repositories.ts';
import type { IncomingDeviceEvent, IngestOutcome } from '../../src/domain/device-event.ts';
import { hubStatusChanged } from '../../src/domain/hub-events.ts';
import type { Device, DeviceAttribute, Hub } from '../../src/domain/types.ts';

type StoredDevice = Omit<Device, 'storeId'> & { attributes: Map<string, DeviceAttribute> };

/**
 * The hub and device repositories the hub service uses, over plain maps, for unit tests: the
 * contracts of src/data/repositories.ts, with the HubStatusChanged events the Prisma repository
 * writes collected in `events`, and a device-event store for the ingest that keeps what it is
 * given in `ingested`. Test code only.
 */
export function createInMemoryHardware() {
  const hubRows = new Map<string, Hub & HubSecrets>();
  const deviceRows = new Map<string, StoredDevice>();
  const events: NewDomainEvent[] = [];
  const ingested: IncomingDeviceEvent[] = [];

  const publicHub = ({
    accessTokenEncrypted: _t,
    webhookSecretHash: _h,
    webhookGeneration: _g,
    ...hub
  }: Hub & HubSecrets): Hub => ({
    ...hub,
  });
  const devicesOf = (hubId: string) => [...deviceRows.values()].filter((device) => device.hubId === hubId);
  const publicDevice = ({ attributes: _attributes, ...device }: StoredDevice): Device => ({
    ...structuredClone(device),
    storeId: hubRows.get(device.hubId)?.storeId ?? null,
  });

  const hubs: Pick<HubRepository, 'create' | 'findById' | 'secretsOf' | 'setStatus' | 'setMode' | 'delete'> = {
    create: async (hub) => {
      if ([...hubRows.values()].some((other) => other.baseUrl === hub.baseUrl && other.appId === hub.appId))
        throw new ConflictError('This Maker API app (base URL and app id) is already registered', {
          field: 'input.appId',
        });
      const row = { ...hub, status: 'ONLINE' as const, lastEventAt: null, createdAt: new Date() };
      hubRows.set(hub.id, row);
      return publicHub(row);
    },
    findById: async (id) => {
      const row = hubRows.get(id);
      return row ? publicHub(row) : null;
    },
    secretsOf: async (id) => {
      const row = hubRows.get(id);
      return row
        ? {
            accessTokenEncrypted: row.accessTokenEncrypted,
            webhookSecretHash: row.webhookSecretHash,
            webhookGeneration: row.webhookGeneration,
          }
        : null;
    },
    setStatus: async (id, status, reason, now) => {
      const row = hubRows.get(id);
      if (!row) return false;
      if (status === 'ONLINE') row.lastSeenAt = now;
      if (row.status === status) return false;
      events.push(
        hubStatusChanged({
          hubId: id,
          hubName: row.name,
          storeId: row.storeId,
          status,
          previousStatus: row.status,
          reason,
          changedAt: now.toISOString(),
        }),
      );
      row.status = status;
      return true;
    },
    setMode: async (id, mode) => {
      const row = hubRows.get(id);
      if (row) row.mode = mode;
    },
    delete: async (id) => {
      for (const device of devicesOf(id)) deviceRows.delete(device.id);
      return hubRows.delete(id);
    },
  };

  const devices: Pick<DeviceRepository, 'findById' | 'knownCommands' | 'currentAttributes' | 'replaceFromHub'> = {
    findById: async (id) => {
      const row = deviceRows.get(id);
      return row ? publicDevice(row) : null;
    },
    knownCommands: async (hubId) =>
      new Map(devicesOf(hubId).map((device) => [device.hubDeviceId, structuredClone(device.commands)])),
    currentAttributes: async (hubId) =>
      new Map(
        devicesOf(hubId).map((device) => [
          device.hubDeviceId,
          new Map([...device.attributes.values()].map((attribute) => [attribute.name, attribute.value])),
        ]),
      ),
    replaceFromHub: async (hubId: string, imported: ImportedDevice[], now: Date) => {
      const listed = new Set(imported.map((device) => device.hubDeviceId));
      for (const device of devicesOf(hubId)) if (!listed.has(device.hubDeviceId)) deviceRows.delete(device.id);
      for (const { attributes, ...description } of imported) {
        const known = devicesOf(hubId).find((device) => device.hubDeviceId === description.hubDeviceId);
        const device = known ?? {
          id: randomUUID(),
          hubId,
          ...description,
          lastEventAt: null,
          attributes: new Map(),
        };
        Object.assign(device, structuredClone(description));
        // Values of attributes already known are left to reconciliation.
        for (const [name, value] of Object.entries(attributes))
          if (!device.attributes.has(name)) device.attributes.set(name, { name, value, unit: null, updatedAt: now });
        deviceRows.set(device.id, device);
      }
    },
  };

  // Keys without their 24-hour window: unit tests never outlive it.
  const keyRows = new Map<string, { fingerprint: string; state: HubCallKeyState }>();
  const keyOf = (r: { principalId: string; operation: string; key: string }) =>
    `${r.principalId}|${r.operation}|${r.key}`;
  const keys: HubCallKeyRepository = {
    claim: async (request) => {
      const first = keyRows.get(keyOf(request));
      if (!first) {
        keyRows.set(keyOf(request), { fingerprint: request.fingerprint, state: { status: 'pending' } });
        return null;
      }
      if (first.fingerprint !== request.fingerprint) throw new IdempotencyKeyReusedError();
      return structuredClone(first.state);
    },
    settle: async (request, state) => {
      keyRows.get(keyOf(request))!.state = structuredClone(state);
    },
    release: async (request) => {
      keyRows.delete(keyOf(request));
    },
  };

  /** What the ingest's writer would store: every event, in order. */
  const storeDeviceEvents = async (batch: IncomingDeviceEvent[]): Promise<IngestOutcome[]> => {
    ingested.push(...batch);
    return batch.map(() => 'stored');
  };

  return {
    hubs,
    devices,
    keys,
    storeDeviceEvents,
    /** What the tables hold, for assertions. */
    rows: { hubs: hubRows, devices: deviceRows, keys: keyRows },
    /** The events the repositories would have written to the outbox, in order. */
    events,
    /** The device events handed to the ingest's writer, in order. */
    ingested,
  };
}

export type InMemoryHardware = ReturnType<typeof createInMemoryHardware>;
