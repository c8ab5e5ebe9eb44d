/** One activity entry as a sentence's verb and object, from its kind and the event's JSON payload. */
export interface ActivityText {
  /** e.g. "created", "turned Kitchen Light"; follows the actor. */
  verb: string;
  /** What follows the store link, e.g. "→ active". */
  after?: string;
}

type Details = Record<string, unknown>;
const item = (details: Details): Details => (details.item && typeof details.item === 'object' ? (details.item as Details) : {});
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

const DESCRIBE: Record<string, (details: Details) => ActivityText> = {
  StoreCreated: () => ({ verb: 'created' }),
  StoreUpdated: () => ({ verb: 'updated' }),
  StoreDeleted: () => ({ verb: 'deleted' }),
  StoreStatusChanged: (d) => ({ verb: 'changed the status of', after: d.to ? `→ ${text(d.to).toLowerCase()}` : undefined }),
  ProvisioningStepCompleted: (d) => ({ verb: `completed step “${text(d.stepKey)}” of` }),
  DeviceEventReceived: (d) => ({ verb: `saw ${text(d.description) || `${text(d.name)} become ${text(d.value)}${d.unit ? ` ${text(d.unit)}` : ''}`}` }),
  HubStatusChanged: (d) => ({ verb: `saw a hub go ${text(d.status).toLowerCase()}${d.reason ? ` (${text(d.reason)})` : ''}` }),
  AssetAllocated: (d) => ({ verb: `allocated asset ${text(d.serialNumber)} to` }),
  AssetReleased: (d) => ({ verb: `released asset ${text(d.serialNumber)} from` }),
  CircuitBreakerStateChanged: (d) => ({ verb: `saw breaker ${text(d.name)} of ${text(d.service)} go ${text(d.state).toLowerCase()}` }),
  SessionRevoked: () => ({ verb: 'ended a session' }),
  UserLoggedIn: () => ({ verb: 'signed in' }),
  RecipeImported: (d) => ({ verb: `imported the recipe “${text(d.title)}”` }),
  ShoppingItemAdded: (d) => ({ verb: `added ${text(item(d).food)} to a shopping list` }),
  ShoppingItemToggled: (d) => ({ verb: `${item(d).checked ? 'ticked off' : 'unticked'} ${text(item(d).food)}` }),
  MealPlanEntrySet: (d) => ({ verb: `planned ${text(d.slot).toLowerCase()} on ${text(d.date)}` }),
  MealPlanEntryRemoved: (d) => ({ verb: `cleared ${text(d.slot).toLowerCase()} on ${text(d.date)}` }),
};

/** "StoreStatusChanged" → "store status changed": a fallback for kinds this UI does not know yet. */
const words = (kind: string) => kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

export function describeActivity(kind: string, detailsJson: string): ActivityText {
  let details: Details = {};
  try {
    const parsed: unknown = JSON.parse(detailsJson);
    if (parsed && typeof parsed === 'object') details = parsed as Details;
  } catch {
    // A payload that is not JSON still gets the generic sentence.
  }
  return DESCRIBE[kind]?.(details) ?? { verb: `recorded “${words(kind)}” for` };
}
