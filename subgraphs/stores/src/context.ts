import type DataLoader from 'dataloader';
import {
  groupedLoader,
  loaderById,
  createInternalClient,
  eventStream,
  memoizeBriefly,
  type DomainEvent,
  type ReplayPoint,
  type RequestScope,
  type SubgraphRuntime,
} from '@switchyard/shared';
import type { PrismaClient } from './generated/prisma/client.ts';
import { createAuditRepository } from './data/audit-repository.ts';
import { createStoreChangeRepository } from './data/store-change-repository.ts';
import { hardwareAllocatedGuard } from './clients/hardware-step-guard.ts';
import { createStoreRepository } from './data/store-repository.ts';
import type { Cidr } from '@switchyard/shared/ipv4';
import { STORE_AGGREGATE, type ProvisioningStep, type Store, type StoreEventPayload } from './domain/types.ts';
import { createStoreNetworkService } from './services/store-network-service.ts';
import { createStoreService } from './services/store-service.ts';
import { createStoreImportRepository } from './data/store-import-repository.ts';
import { createStoreImportService } from './services/store-import-service.ts';
import { createStoreNoteRepository } from './data/store-note-repository.ts';
import { createStoreNoteService } from './services/store-note-service.ts';
import { createProvisioningTemplateRepository } from './data/provisioning-template-repository.ts';

/** What stores's services are built from: the shared runtime plus its own database and config. */
export interface StoresDeps extends SubgraphRuntime {
  db: PrismaClient;
  config: { subnetPool: Cidr; hardwareUrl: string };
}

/** Long-lived services built once per process from the deps. */
export function createServices({ db, relay, bus, config, internalSigningSecret }: StoresDeps) {
  const stores = createStoreRepository(db);
  const changes = createStoreChangeRepository(db, relay.nudge);
  // Keyed by event, not store: a later change of the same store must load afresh. The steps are
  // loaded with it because a subscription's context (and its DataLoaders, which cache) lives for
  // all its events: steps read through it would stay as they were at the first event.
  const storeForEvent = memoizeBriefly(async (key) => {
    const id = key.slice(0, key.indexOf('@'));
    const [store, steps] = await Promise.all([stores.findById(id), stores.stepsOf([id])]);
    return store && { ...store, steps: steps.get(id) ?? [] };
  });
  const notes = createStoreNoteRepository(db);
  return {
    stores,
    audit: createAuditRepository(db),
    storeService: createStoreService({
      stores,
      changes,
      subnetPool: config.subnetPool,
      stepGuards: {
        'hardware-allocated': hardwareAllocatedGuard(
          createInternalClient({ internalSigningSecret, timeoutMs: 5_000 }),
          config.hardwareUrl,
        ),
      },
    }),
    /**
     * For demo data the system writes at an embedded start: the same rules, less the checks
     * against other subgraphs, which hold no demo assets for these stores.
     */
    demoStoreService: createStoreService({ stores, changes, subnetPool: config.subnetPool }),
    storeNetworkService: createStoreNetworkService({ changes }),
    storeImport: createStoreImportService({ existing: createStoreImportRepository(db), changes }),
    notes,
    storeNoteService: createStoreNoteService({ notes }),
    templates: createProvisioningTemplateRepository(db),
    storeEvents: (from: ReplayPoint | null, accept: (event: DomainEvent<StoreEventPayload>) => boolean) =>
      eventStream({ bus, outbox: db, aggregateType: STORE_AGGREGATE, from, accept }),
    /** The store as it is when an event is delivered, loaded once for all its subscribers. */
    storeAtEvent: (event: DomainEvent<StoreEventPayload>) => storeForEvent(`${event.payload.storeId}@${event.id}`),
  };
}

export type StoresServices = ReturnType<typeof createServices>;

export interface Context extends RequestScope, StoresServices {
  loaders: {
    storeById: DataLoader<string, Store | null>;
    stepsByStoreId: DataLoader<string, ProvisioningStep[]>;
  };
}

export function createContext(scope: RequestScope, services: StoresServices): Context {
  return {
    ...scope,
    ...services,
    loaders: {
      storeById: loaderById(services.stores.findManyByIds),
      stepsByStoreId: groupedLoader(services.stores.stepsOf),
    },
  };
}
