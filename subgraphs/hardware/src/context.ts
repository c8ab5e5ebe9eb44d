import DataLoader from 'dataloader';
import { eventStream, recordBreakerChangesInOutbox, type DomainEvent, type EventBus, type Logger, type OutboxRelay, type RequestScope, type SubgraphRuntime } from '@switchyard/shared';
import type { PrismaClient } from './generated/prisma/client.ts';
import type { HardwareConfig } from './config.ts';
import { createAssetRepository } from './data/asset-repository.ts';
import { createDeviceEventRepository } from './data/device-event-repository.ts';
import { createDeviceRepository } from './data/device-repository.ts';
import { createHubRepository } from './data/hub-repository.ts';
import { DEVICE_AGGREGATE, type DeviceEventReceivedPayload } from './domain/device-event.ts';
import { createEventIngest } from './domain/event-ingest.ts';
import { HUB_AGGREGATE, type HubStatusChangedPayload } from './domain/hub-events.ts';
import { createHubService } from './domain/hub-service.ts';
import { createTokenCipher } from './domain/token-cipher.ts';
import type { Asset, AssetAllocation, Device, DeviceAttribute, Hub } from './domain/types.ts';
import { createWebhookSecrets } from './domain/webhook-secret.ts';
import { createHubResilience } from './hubitat/hub-resilience.ts';

/** What hardware's services are built from: the shared runtime plus its own database and config. */
export interface HardwareDeps extends SubgraphRuntime {
  db: PrismaClient;
  config: Pick<HardwareConfig, 'encryptionKeyHex' | 'publicUrl' | 'hubs' | 'events'>;
}

// Large enough that a burst is one transaction per few hundred events, small enough to commit quickly.
const INGEST_BATCH = 250;

/** Long-lived services built once per process from the deps. */
export function createServices({ db, config, bus, relay, logger }: HardwareDeps) {
  const key = Buffer.from(config.encryptionKeyHex, 'hex');
  const hubs = createHubRepository(db, relay.nudge);
  const devices = createDeviceRepository(db);
  const deviceEvents = createDeviceEventRepository(db, relay.nudge, config.events.dedupeWindowMs);
  const assets = createAssetRepository(db, relay.nudge);
  const ingest = createEventIngest({ store: deviceEvents.ingest, maxBatch: INGEST_BATCH, maxPending: config.events.queueLimit });
  const resilience = createHubResilience({ ...config.hubs, onStateChange: recordBreakerChangesInOutbox({ db, relay, logger }) });
  const webhooks = createWebhookSecrets(key);
  const hubService = createHubService({ hubs, devices, ingest, resilience, cipher: createTokenCipher(key), webhooks, endpoint: config, logger });
  const deviceEventStream = (since: Date | null, accept: (event: DomainEvent<DeviceEventReceivedPayload>) => boolean) =>
    eventStream({ bus, outbox: db, aggregateType: DEVICE_AGGREGATE, since, accept });
  const hubStatusStream = (since: Date | null, accept: (event: DomainEvent<HubStatusChangedPayload>) => boolean) =>
    eventStream({ bus, outbox: db, aggregateType: HUB_AGGREGATE, since, accept });
  return { hubs, devices, deviceEvents, assets, ingest, resilience, webhooks, hubService, deviceEventStream, hubStatusStream };
}

export type HardwareServices = ReturnType<typeof createServices>;

export interface Context extends RequestScope, HardwareServices {
  loaders: {
    hubById: DataLoader<string, Hub | null>;
    deviceById: DataLoader<string, Device | null>;
    assetById: DataLoader<string, Asset | null>;
    attributesByDeviceId: DataLoader<string, DeviceAttribute[]>;
    allocationsByAssetId: DataLoader<string, AssetAllocation[]>;
    devicesByHubId: DataLoader<string, Device[]>;
    devicesByStoreId: DataLoader<string, Device[]>;
    assetsByStoreId: DataLoader<string, Asset[]>;
    hubsByStoreId: DataLoader<string, Hub[]>;
  };
}

function byId<T extends { id: string }>(find: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = new Map((await find(ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

function grouped<T>(find: (ids: readonly string[]) => Promise<Map<string, T[]>>) {
  return new DataLoader<string, T[]>(async (ids) => {
    const found = await find(ids);
    return ids.map((id) => found.get(id) ?? []);
  });
}

function createLoaders(services: HardwareServices): Context['loaders'] {
  return {
    hubById: byId(services.hubs.findManyByIds),
    deviceById: byId(services.devices.findManyByIds),
    assetById: byId(services.assets.findManyByIds),
    attributesByDeviceId: grouped(services.devices.attributesOf),
    allocationsByAssetId: grouped(services.assets.allocationsOf),
    devicesByHubId: grouped((ids) => services.devices.listGrouped('hubId', ids)),
    devicesByStoreId: grouped((ids) => services.devices.listGrouped('storeId', ids)),
    assetsByStoreId: grouped(services.assets.listByStores),
    hubsByStoreId: grouped(services.hubs.listByStores),
  };
}

export function createContext(scope: RequestScope, services: HardwareServices): Context {
  return { ...scope, ...services, loaders: createLoaders(services) };
}

/**
 * A subscription keeps one context for its whole life, and DataLoader caches: without fresh
 * loaders per event, the second event would resolve `hub { status }` from the first one's read.
 */
export function refreshLoaders(context: Context): void {
  context.loaders = createLoaders(context);
}
