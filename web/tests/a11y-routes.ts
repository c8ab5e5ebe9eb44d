// Every page of the app, as the accessibility spec visits it: the route (its folder under
// src/routes) and the address to open. a11y.spec.ts fails when a route is missing here, so a new
// page cannot escape the check.

/** Records the spec makes first, for the pages that show one. */
export interface Fixtures {
  storeId: string;
  deviceId: string;
  hubId: string;
  recipeId: string;
  userId: string;
  webhookId: string;
  assetId: string;
  monitorId: string;
  statusPageSlug: string;
  changeId: string;
}

/** Signed in as the admin, who sees every control. */
export const SIGNED_IN: Record<string, (f: Fixtures) => string> = {
  '(app)': () => '/',
  '(app)/[...rest]': () => '/no-such-page',
  '(app)/stores': () => '/stores',
  '(app)/stores/new': () => '/stores/new',
  '(app)/stores/import': () => '/stores/import',
  '(app)/stores/[id]': (f) => `/stores/${f.storeId}`,
  '(app)/stores/changes/[changeId]': (f) => `/stores/changes/${f.changeId}`,
  '(app)/devices': () => '/devices',
  '(app)/devices/[id]': (f) => `/devices/${f.deviceId}`,
  '(app)/devices/hubs': () => '/devices/hubs',
  '(app)/devices/hubs/[id]': (f) => `/devices/hubs/${f.hubId}`,
  '(app)/devices/scenes': () => '/devices/scenes',
  '(app)/devices/schedules': () => '/devices/schedules',
  '(app)/hardware/assets': () => '/hardware/assets',
  '(app)/hardware/assets/[id]': (f) => `/hardware/assets/${f.assetId}`,
  '(app)/meals/recipes': () => '/meals/recipes',
  '(app)/meals/recipes/new': () => '/meals/recipes/new',
  '(app)/meals/recipes/import': () => '/meals/recipes/import',
  '(app)/meals/recipes/[id]': (f) => `/meals/recipes/${f.recipeId}`,
  '(app)/meals/recipes/[id]/edit': (f) => `/meals/recipes/${f.recipeId}/edit`,
  '(app)/meals/plan': () => '/meals/plan',
  '(app)/meals/shopping': () => '/meals/shopping',
  '(app)/meals/household': () => '/meals/household',
  '(app)/meals/pantry': () => '/meals/pantry',
  '(app)/monitoring': () => '/monitoring',
  '(app)/monitoring/alerts': () => '/monitoring/alerts',
  '(app)/monitoring/rules': () => '/monitoring/rules',
  '(app)/monitoring/silences': () => '/monitoring/silences',
  '(app)/monitoring/monitors': () => '/monitoring/monitors',
  '(app)/monitoring/monitors/new': () => '/monitoring/monitors/new',
  '(app)/monitoring/monitors/[id]': (f) => `/monitoring/monitors/${f.monitorId}`,
  '(app)/monitoring/maintenance': () => '/monitoring/maintenance',
  '(app)/monitoring/status-pages': () => '/monitoring/status-pages',
  '(app)/monitoring/incidents': () => '/monitoring/incidents',
  // Public (no sign-in), visited here because it needs a published page to show.
  'status/[slug]': (f) => `/status/${f.statusPageSlug}`,
  '(app)/monitoring/channels': () => '/monitoring/channels',
  '(app)/settings/profile': () => '/settings/profile',
  '(app)/settings/api-keys': () => '/settings/api-keys',
  '(app)/settings/users': () => '/settings/users',
  '(app)/settings/users/[id]/sessions': (f) => `/settings/users/${f.userId}/sessions`,
  '(app)/settings/security-log': () => '/settings/security-log',
  '(app)/settings/backups': () => '/settings/backups',
  '(app)/settings/webhooks': () => '/settings/webhooks',
  '(app)/settings/webhooks/[id]': (f) => `/settings/webhooks/${f.webhookId}`,
  '(app)/settings/provisioning-templates': () => '/settings/provisioning-templates',
  'two-factor/setup': () => '/two-factor/setup',
};

/** Routes that only send elsewhere (a +page.ts redirect): nothing of their own to check. */
export const REDIRECTS = ['(app)/hardware', '(app)/meals', '(app)/settings'];

/** Open without signing in. Links in mails carry a token; an unknown one shows the page's refusal. */
export const SIGNED_OUT: Record<string, string> = {
  login: '/login',
  'forgot-password': '/forgot-password',
  'reset-password': '/reset-password?token=unknown',
  invitation: '/invitation?token=unknown',
  'confirm-email': '/confirm-email?token=unknown',
  api: '/api',
  'api/reference': '/api/reference',
  'api/events': '/api/events',
};
