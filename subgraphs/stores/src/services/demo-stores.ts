import type { Logger } from '@switchyard/shared';
import type { StoreRepository } from '../data/repositories.ts';
import { SYSTEM_ACTOR } from '../domain/audit.ts';
import type { CreateStoreInput } from '../domain/store-input.ts';
import type { Store, StoreStatus } from '../domain/types.ts';
import type { StoreService } from './store-service.ts';

interface DemoStore {
  input: CreateStoreInput;
  /** Where the demo leaves it; steps are completed on the way when activation needs them. */
  path: StoreStatus[];
}

const network = (third: number) => ({
  vlanId: 100 + third,
  subnet: `10.0.${third}.0/24`,
  gateway: `10.0.${third}.1`,
  dhcpRange: { start: `10.0.${third}.100`, end: `10.0.${third}.199` },
});
const address = (line1: string, city: string, postalCode: string, country: string, region: string | null = null) => ({
  line1,
  line2: null,
  city,
  region,
  postalCode,
  country,
});

const DEMO_STORES: DemoStore[] = [
  {
    input: {
      name: 'Berlin Mitte Flagship',
      type: 'FLAGSHIP',
      address: address('Friedrichstraße 100', 'Berlin', '10117', 'DE', 'Berlin'),
      latitude: 52.52,
      longitude: 13.39,
      timezone: 'Europe/Berlin',
      network: network(1),
    },
    path: ['PROVISIONING', 'ACTIVE'],
  },
  {
    input: {
      name: 'Hamburg Hafen',
      type: 'STANDARD',
      address: address('Am Sandtorkai 1', 'Hamburg', '20457', 'DE', 'Hamburg'),
      timezone: 'Europe/Berlin',
      network: network(2),
    },
    path: ['PROVISIONING'],
  },
  {
    input: {
      name: 'Munich Airport Kiosk',
      type: 'KIOSK',
      address: address('Terminalstraße Mitte', 'München', '85356', 'DE', 'Bayern'),
      timezone: 'Europe/Berlin',
    },
    path: [],
  },
  {
    input: {
      name: 'Central Warehouse',
      type: 'WAREHOUSE',
      address: address('Industriestraße 7', 'Kassel', '34123', 'DE', 'Hessen'),
      timezone: 'Europe/Berlin',
      network: network(3),
    },
    path: ['PROVISIONING', 'ACTIVE', 'SUSPENDED'],
  },
  {
    input: {
      name: 'Home Lab',
      type: 'HOME',
      address: address('Gartenweg 3', 'Potsdam', '14467', 'DE', 'Brandenburg'),
      timezone: 'Europe/Berlin',
      network: network(4),
    },
    path: ['PROVISIONING', 'ACTIVE'],
  },
  {
    input: {
      name: 'Vienna Old Town',
      type: 'STANDARD',
      address: address('Graben 12', 'Wien', '1010', 'AT', 'Wien'),
      timezone: 'Europe/Vienna',
      network: network(5),
    },
    path: ['PROVISIONING', 'ACTIVE', 'DECOMMISSIONED'],
  },
];

/** A few stores in various states for a fresh embedded start, made through the same use cases as real ones (steps, audit, events). */
export async function seedDemoStores(
  { stores, demoStoreService: storeService }: { stores: StoreRepository; demoStoreService: StoreService },
  logger: Logger,
): Promise<void> {
  if ((await stores.count()) > 0) return;
  const reason = 'demo data';
  for (const { input, path } of DEMO_STORES) {
    let store: Store = await storeService.create(input, SYSTEM_ACTOR, reason);
    for (const to of path) {
      if (to === 'ACTIVE' && !store.openedAt) {
        for (const step of (await stores.stepsOf([store.id])).get(store.id)!) {
          store = await storeService.completeStep(store.id, step.key, store.version, SYSTEM_ACTOR, reason);
        }
      }
      store = await storeService.transition(store.id, to, store.version, SYSTEM_ACTOR, reason);
    }
  }
  logger.info({ stores: DEMO_STORES.length }, 'seeded demo stores');
}
