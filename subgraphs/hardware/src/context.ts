import type DataLoader from 'dataloader';
import {
  eventStream,
  groupedLoader,
  loaderById,
  recordBreakerChangesInOutbox,
  type DomainEvent,
  type ReplayPoint,
  type RequestScope,
  type SubgraphRuntime,
} from '@switchyard/shared';
import type { PrismaClient } from './generated/prisma/client.ts';
import type { HardwareConfig } from './config.ts';
import { createAssetRepository } from './data/asset-repository.ts';
import { createAttributeHistoryRepository } from './data/attribute-history-repository.ts';
import { createAssetImportRepository } from './data/asset-import-repository.ts';
import { createAssetImportService } from './services/asset-import-service.ts';
import { createDeviceEventRepository } from './data/device-event-repository.ts';
import { createDeviceRepository } from './data/device-repository.ts';
import { createHubCallKeyRepository } from './data/hub-call-key-repository.ts';
import { createHubDiagnosticsRepository } from './data/hub-diagnostics-repository.ts';
import { createHubRepository } from './data/hub-repository.ts';
import { createSceneRepository } from './data/scene-repository.ts';
import {
  createHubEventRepository,
  HUB_EVENT_AGGREGATE,
  type HubEventRecordedPayload,
} from './data/hub-event-repository.ts';
import { DEVICE_AGGREGATE, type DeviceEventReceivedPayload } from './domain/device-event.ts';
import { HUB_AGGREGATE, type HubStatusChangedPayload } from './domain/hub-events.ts';
import { createTokenCipher } from './domain/token-cipher.ts';
import type { Asset, AssetAllocation, Device, DeviceAttribute, Hub } from './domain/types.ts';
import { createWebhookSecrets } from './domain/webhook-secret.ts';
import { createHubResilience } from './hubitat/hub-resilience.ts';
import { createAttributeHistoryService } from './services/attribute-history-service.ts';
import { createEventIngest } from './services/event-ingest.ts';
import { createHubDiagnosticsService } from './services/hub-diagnostics-service.ts';
import { createHubService } from './services/hub-service.ts';
import { createSceneService } from './services/scene-service.ts';
import { createHubControls } from './services/hub-controls-service.ts';

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
  const ingest = createEventIngest({
    store: deviceEvents.ingest,
    maxBatch: INGEST_BATCH,
    maxPending: config.events.queueLimit,
  });
  const resilience = createHubResilience({
    ...config.hubs,
    onStateChange: recordBreakerChangesInOutbox({ db, relay, logger }),
  });
  const webhooks = createWebhookSecrets(key);
  const hubService = createHubService({
    hubs,
    devices,
    keys: createHubCallKeyRepository(db),
    commandLog: deviceEvents,
    ingest,
    resilience,
    cipher: createTokenCipher(key),
    webhooks,
    endpoint: config,
    commandTimeoutMs: config.hubs.commandTimeoutMs,
    logger,
  });
  const attributeHistoryRepository = createAttributeHistoryRepository(db);
  const attributeHistory = createAttributeHistoryService(attributeHistoryRepository);
  const hubDiagnosticsRepository = createHubDiagnosticsRepository(db);
  const hubDiagnostics = createHubDiagnosticsService({
    hubs,
    diagnostics: hubDiagnosticsRepository,
    hubService,
    logger,
    testTimeoutMs: config.hubs.commandTimeoutMs,
  });
  const scenes = createSceneRepository(db);
  const sceneService = createSceneService({ repo: scenes, devices, hubService, logger });
  const deviceEventStream = (
    from: ReplayPoint | null,
    accept: (event: DomainEvent<DeviceEventReceivedPayload>) => boolean,
  ) => eventStream({ bus, outbox: db, aggregateType: DEVICE_AGGREGATE, from, accept });
  const hubStatusStream = (
    from: ReplayPoint | null,
    accept: (event: DomainEvent<HubStatusChangedPayload>) => boolean,
  ) => eventStream({ bus, outbox: db, aggregateType: HUB_AGGREGATE, from, accept });
  const hubEvents = createHubEventRepository(db, relay.nudge);
  const hubControls = createHubControls({ hubService, hubEvents });
  const hubEventStream = (from: ReplayPoint | null, accept: (event: DomainEvent<HubEventRecordedPayload>) => boolean) =>
    eventStream({ bus, outbox: db, aggregateType: HUB_EVENT_AGGREGATE, from, accept });
  return {
    hubs,
    devices,
    deviceEvents,
    assets,
    assetImport: createAssetImportService(createAssetImportRepository(db)),
    ingest,
    resilience,
    webhooks,
    hubService,
    hubDiagnosticsRepository,
    hubDiagnostics,
    attributeHistoryRepository,
    attributeHistory,
    deviceEventStream,
    hubStatusStream,
    scenes,
    sceneService,
    hubEvents,
    hubControls,
    hubEventStream,
  };
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

function createLoaders(services: HardwareServices): Context['loaders'] {
  return {
    hubById: loaderById(services.hubs.findManyByIds),
    deviceById: loaderById(services.devices.findManyByIds),
    assetById: loaderById(services.assets.findManyByIds),
    attributesByDeviceId: groupedLoader(services.devices.attributesOf),
    allocationsByAssetId: groupedLoader(services.assets.allocationsOf),
    devicesByHubId: groupedLoader((ids) => services.devices.listGrouped('hubId', ids)),
    devicesByStoreId: groupedLoader((ids) => services.devices.listGrouped('storeId', ids)),
    assetsByStoreId: groupedLoader(services.assets.listByStores),
    hubsByStoreId: groupedLoader(services.hubs.listByStores),
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
