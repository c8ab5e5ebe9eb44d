import type { KeyingConfig, UpdatesConfig } from '@urql/exchange-graphcache';
import type { CacheArea } from './area.js';
import { dashboardCache } from './dashboard.js';
import { devicesCache } from './devices.js';
import { hardwareCache } from './hardware.js';
import { mealsCache } from './meals.js';
import { shoppingListsCache } from './shopping-lists.js';
import { monitoringCache } from './monitoring.js';
import { monitorsCache } from './monitors.js';
import { provisioningTemplatesCache } from './provisioning-templates.js';
import { scenesCache } from './scenes.js';
import { recipeImportCache } from './recipe-import.js';
import { settingsCache } from './settings.js';
import { storesCache } from './stores.js';
import { webhooksCache } from './webhooks.js';

const AREAS: CacheArea[] = [
  dashboardCache,
  storesCache,
  hardwareCache,
  settingsCache,
  devicesCache,
  mealsCache,
  shoppingListsCache,
  monitoringCache,
  webhooksCache,
  monitorsCache,
  scenesCache,
  recipeImportCache,
  provisioningTemplatesCache,
];

/** Types without an id are part of their parent, not entities; some areas key types by other fields. */
export const cacheKeys: KeyingConfig = Object.assign(
  Object.fromEntries(AREAS.flatMap((area) => area.embedded).map((name) => [name, () => null])),
  ...AREAS.map((area) => area.keys ?? {}),
);

export const cacheUpdates: UpdatesConfig = {
  Mutation: Object.assign({}, ...AREAS.map((area) => area.mutations ?? {})),
  Subscription: Object.assign({}, ...AREAS.map((area) => area.subscriptions ?? {})),
};
