// Activity entries as sentences a person would write: "Administrator created Downtown",
// "Front Door Contact opened", "Hub Till went offline (timed out)".

/** What a sentence is made of: text, and where the store goes (linked by the page when it resolves). */
export type SentencePart = { text: string } | { store: string; storeId: string };

/** The fields of an activity entry a sentence is built from (the dashboard's ActivityItem). */
export interface ActivityEntryView {
  kind: string;
  /** The event's payload as JSON. */
  details: string;
  actorKind?: 'USER' | 'API_KEY' | 'SYSTEM' | null;
  actor?: { displayName: string } | null;
  store?: { id: string; name: string } | null;
}

type Details = Record<string, unknown>;
type Piece = string | typeof STORE;

const STORE = Symbol('the store');

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const lower = (value: unknown) => text(value).toLowerCase().replace(/_/g, ' ');
const item = (details: Details): Details =>
  details.item && typeof details.item === 'object' ? (details.item as Details) : {};
/** "StoreStatusChanged" → "store status changed"; "colorTemperature" → "color temperature". */
const words = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const capitalized = (sentence: string) => sentence.charAt(0).toUpperCase() + sentence.slice(1);
/** "a", "a and b", "a, b and c". */
const list = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');

/** Who did it, by name: a user's display name as identity has it, never anything shortened. */
function who(entry: ActivityEntryView): string {
  if (entry.actor) return entry.actor.displayName;
  if (entry.actorKind === 'API_KEY') return 'An API key';
  if (entry.actorKind === 'SYSTEM') return 'Switchyard';
  // A user who no longer resolves (removed, or not visible to this caller), or an entry from before actors were kept.
  return 'Someone';
}

/** "1 March" from "2026-03-01", with the weekday: a planned day reads like a calendar. */
function day(date: unknown): string {
  const parsed = new Date(`${text(date)}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return text(date);
  return parsed.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
}

const withUnit = (value: unknown, unit: unknown) => {
  const u = text(unit);
  if (!u) return text(value);
  return u === '%' || u.startsWith('°') ? `${text(value)}${u === '%' ? ' %' : ` ${u}`}` : `${text(value)} ${u}`;
};

/**
 * What a device did, by attribute and value (Hubitat's attribute names), as the rest of a
 * sentence that starts with the device's label. Unknown values of a known attribute and unknown
 * attributes fall back to "<attribute> is <value>".
 */
const DEVICE_PHRASES: Record<string, (value: string, unit: unknown) => string | undefined> = {
  contact: (v) => ({ open: 'opened', closed: 'closed' })[v],
  switch: (v) => ({ on: 'turned on', off: 'turned off' })[v],
  motion: (v) => ({ active: 'detected motion', inactive: 'stopped detecting motion' })[v],
  lock: (v) =>
    ({ locked: 'was locked', unlocked: 'was unlocked', 'unlocked with timeout': 'was unlocked', jammed: 'is jammed' })[
      v
    ],
  presence: (v) => ({ present: 'arrived', 'not present': 'left' })[v],
  door: (v) => ({ open: 'opened', closed: 'closed', opening: 'is opening', closing: 'is closing' })[v],
  valve: (v) => ({ open: 'opened', closed: 'closed' })[v],
  water: (v) => ({ wet: 'detected water', dry: 'is dry again' })[v],
  smoke: (v) => ({ detected: 'detected smoke', clear: 'is clear of smoke', tested: 'was tested' })[v],
  carbonMonoxide: (v) =>
    ({ detected: 'detected carbon monoxide', clear: 'is clear of carbon monoxide', tested: 'was tested' })[v],
  tamper: (v) => ({ detected: 'was tampered with', clear: 'is no longer tampered with' })[v],
  acceleration: (v) => ({ active: 'started moving', inactive: 'stopped moving' })[v],
  healthStatus: (v) => ({ online: 'came online', offline: 'went offline' })[v],
  alarm: (v) =>
    ({ off: 'stopped sounding', siren: 'sounded its siren', strobe: 'flashed its strobe', both: 'sounded' })[v],
  pushed: (v) => `had button ${v} pushed`,
  held: (v) => `had button ${v} held`,
  doubleTapped: (v) => `had button ${v} double-tapped`,
  released: (v) => `had button ${v} released`,
  level: (v, unit) => `was set to ${withUnit(v, unit || '%')}`,
  thermostatMode: (v) => `switched to ${v} mode`,
  thermostatSetpoint: (v, unit) => `was set to ${withUnit(v, unit)}`,
  heatingSetpoint: (v, unit) => `was set to heat to ${withUnit(v, unit)}`,
  coolingSetpoint: (v, unit) => `was set to cool to ${withUnit(v, unit)}`,
  temperature: (v, unit) => `reads ${withUnit(v, unit)}`,
  humidity: (v, unit) => `reads ${withUnit(v, unit || '%')} humidity`,
  illuminance: (v, unit) => `reads ${withUnit(v, unit || 'lux')}`,
  power: (v, unit) => `draws ${withUnit(v, unit || 'W')}`,
  energy: (v, unit) => `has used ${withUnit(v, unit || 'kWh')}`,
  battery: (v, unit) => `has ${withUnit(v, unit || '%')} battery left`,
};

export function devicePhrase(attribute: string, value: string | null, unit: unknown): string {
  if (value === null) return `has no ${words(attribute)} value`;
  return DEVICE_PHRASES[attribute]?.(value, unit) ?? `${words(attribute)} is ${withUnit(value, unit)}`;
}

function deviceSentence(d: Details): Piece[] {
  const label = text(d.deviceLabel);
  const value = d.value === null || d.value === undefined ? null : text(d.value);
  // Events recorded before the label travelled with them: the hub's own description says it.
  if (!label && text(d.description)) return [capitalized(text(d.description))];
  return [`${label || 'A device'} ${devicePhrase(text(d.name), value, d.unit)}`];
}

const HUB_STATUS: Record<string, string> = {
  ONLINE: 'is back online',
  OFFLINE: 'went offline',
  UNAUTHORIZED: 'refused its access token',
};

/** "subgraph:stores" → "the stores subgraph", "hubitat-hub:<id>" → "a hub", "recipe-import:<host>" → "recipe imports from <host>". */
function breakerOf(name: string): string {
  const [kind, ...rest] = name.split(':');
  const target = rest.join(':');
  if (kind === 'subgraph') return `the ${target} subgraph`;
  if (kind === 'hubitat-hub') return 'a hub';
  if (kind === 'recipe-import') return `recipe imports from ${target}`;
  if (kind === 'smtp') return 'the mail server';
  return name;
}

const BREAKER_STATE: Record<string, string> = {
  OPEN: 'opened',
  HALF_OPEN: 'is trying one call again',
  CLOSED: 'closed again',
};

/** A store's move, by the status it moved to (and, for ACTIVE, the one it came from). */
function storeMove(from: string, to: string): string | undefined {
  if (to === 'ACTIVE') return from === 'SUSPENDED' ? 'reactivated' : 'opened';
  return { PROVISIONING: 'started provisioning', SUSPENDED: 'suspended', DECOMMISSIONED: 'decommissioned' }[to];
}

const SESSION_ENDED: Record<string, string> = {
  logout: 'Someone signed out',
  'signed out everywhere': 'Someone signed out everywhere',
  'refresh token reuse': 'A session was ended: its refresh token was used twice',
  'user deactivated': 'A deactivated user’s sessions were ended',
  'revoked by its user': 'Someone ended one of their sessions',
  'revoked by an admin': 'An admin ended a user’s session',
};

/** Each kind's sentence; `by` is who did it (see `who`). */
const SENTENCES: Record<string, (d: Details, by: string) => Piece[]> = {
  StoreCreated: (_d, by) => [`${by} created `, STORE],
  StoreUpdated: (d, by) => {
    const fields = Array.isArray(d.changedFields) ? d.changedFields.map((f) => words(text(f))) : [];
    return fields.length ? [`${by} changed the ${list(fields)} of `, STORE] : [`${by} updated `, STORE];
  },
  StoreDeleted: (_d, by) => [`${by} deleted `, STORE],
  StoreStatusChanged: (d, by) => {
    const verb = storeMove(text(d.from), text(d.to));
    return verb ? [`${by} ${verb} `, STORE] : [`${by} moved `, STORE, ` from ${lower(d.from)} to ${lower(d.to)}`];
  },
  ProvisioningStepCompleted: (d, by) => [`${by} completed “${words(text(d.stepKey))}” for `, STORE],
  DeviceEventReceived: (d) => [...deviceSentence(d), ...atStore(d)],
  HubStatusChanged: (d) => {
    const hub = d.hubName ? `Hub ${text(d.hubName)}` : 'A hub';
    const status = HUB_STATUS[text(d.status)] ?? `is ${lower(d.status)}`;
    const why = d.reason && text(d.status) !== 'ONLINE' ? ` (${text(d.reason)})` : '';
    return [`${hub} ${status}${why}`, ...atStore(d)];
  },
  // Hardware's hub events (mode, HSM, hub variables): the HSM alert is what matters most.
  HubEventRecorded: (d) => {
    const hub = d.hubName ? `hub ${text(d.hubName)}` : 'a hub';
    const value = text(d.value);
    const sentence =
      text(d.kind) === 'HSM_ALERT'
        ? value === 'cancel'
          ? `HSM alerts were cancelled at ${hub}`
          : `HSM alert (${value}) at ${hub}`
        : text(d.kind) === 'HSM_STATUS'
          ? `HSM is ${words(value)} at ${hub}`
          : text(d.kind) === 'MODE'
            ? `The mode of ${hub} is now ${value}`
            : `Hub variable ${text(d.name)} of ${hub} is now ${value}`;
    return [sentence, ...atStore(d)];
  },
  AssetAllocated: (d, by) => [`${by} allocated asset ${text(d.serialNumber)} to `, STORE],
  AssetReleased: (d, by) => [`${by} released asset ${text(d.serialNumber)} from `, STORE],
  CircuitBreakerStateChanged: (d) => [
    `${text(d.service) === 'gateway' ? 'The gateway' : `The ${text(d.service)} subgraph`}’s circuit breaker for ` +
      `${breakerOf(text(d.name))} ${BREAKER_STATE[text(d.state)] ?? `is ${lower(d.state)}`}`,
  ],
  SessionRevoked: (d) => [SESSION_ENDED[text(d.reason)] ?? `A session was ended: ${text(d.reason)}`],
  UserLoggedIn: (_d, by) => [`${by} signed in`],
  // Identity's security events (subgraphs/identity/src/domain/security-feed.ts); the security log has the details.
  PasswordChanged: (_d, by) => [`${by} changed their password`],
  PasswordReset: () => ['A password was reset with an emailed link'],
  EmailChanged: () => ['A user’s email address was changed'],
  TwoFactorEnabled: (_d, by) => [`${by} turned on two-factor sign-in`],
  TwoFactorDisabled: (_d, by) => [`${by} turned off two-factor sign-in`],
  RecoveryCodeUsed: (_d, by) => [`${by} signed in with a recovery code`],
  RecoveryCodesRegenerated: (_d, by) => [`${by} replaced their two-factor recovery codes`],
  ApiKeyCreated: (d, by) => [`${by} created the API key “${text(d.name)}”`],
  ApiKeyRotated: (d, by) => [`${by} rotated the API key “${text(d.name)}”`],
  UserCreated: (d, by) => [`${by} added the user ${text(d.email)} as ${lower(d.role)}`],
  UserReactivated: (_d, by) => [`${by} reactivated a user`],
  InvitationSent: (d, by) => [`${by} invited ${text(d.email)}`],
  InvitationRevoked: (d, by) => [`${by} withdrew the invitation of ${text(d.email)}`],
  InvitationAccepted: (_d, by) => [`${by} accepted an invitation`],
  RecipeImported: (d, by) => [`${by} imported the recipe “${text(d.title)}”`],
  ShoppingItemAdded: (d, by) => [`${by} added ${text(item(d).food)} to the shopping list`],
  ShoppingItemToggled: (d, by) => [
    item(d).checked ? `${by} ticked off ${text(item(d).food)}` : `${by} put ${text(item(d).food)} back on the list`,
  ],
  MealPlanEntrySet: (d, by) => [`${by} planned ${lower(d.slot)} for ${day(d.date)}`],
  MealPlanEntryRemoved: (d, by) => [`${by} cleared ${lower(d.slot)} on ${day(d.date)}`],
};

/** Where a device or hub event happened, when its hub belongs to a store. */
const atStore = (d: Details): Piece[] => (d.storeId ? [' at ', STORE] : []);

/** The entry as a sentence: text parts, and the store where it belongs in it. */
export function describeActivity(entry: ActivityEntryView): SentencePart[] {
  let details: Details = {};
  try {
    const parsed: unknown = JSON.parse(entry.details);
    if (parsed && typeof parsed === 'object') details = parsed as Details;
  } catch {
    // A payload that is not JSON still gets a sentence.
  }
  const by = who(entry);
  const unknown = `${capitalized(words(entry.kind))}${entry.actor || entry.actorKind ? ` (by ${by})` : ''}`;
  const fallback: Piece[] = entry.store ? [unknown, ' · ', STORE] : [unknown];
  const pieces = SENTENCES[entry.kind]?.(details, by) ?? fallback;
  return pieces.map((piece): SentencePart =>
    typeof piece === 'string'
      ? { text: piece }
      : entry.store
        ? { store: entry.store.name, storeId: entry.store.id }
        : // A store that no longer resolves (deleted): its code, from the event, names it.
          { text: details.code ? `store ${text(details.code)}` : 'a store' },
  );
}

/** The sentence as plain text (for tests, titles and screen readers). */
export const sentenceText = (parts: SentencePart[]) =>
  parts.map((part) => ('text' in part ? part.text : part.store)).join('');
