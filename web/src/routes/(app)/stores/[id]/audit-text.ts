// A store's history in words: the audit log names fields as the API does (`address.city`,
// `network`) and gives values as JSON; people read "City" and "10.1.2.0/24 · VLAN 12 · …".

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  type: 'Type',
  status: 'Status',
  'address.line1': 'Street',
  'address.line2': 'Address line 2',
  'address.city': 'City',
  'address.region': 'Region',
  'address.postalCode': 'Postal code',
  'address.country': 'Country',
  latitude: 'Latitude',
  longitude: 'Longitude',
  timezone: 'Time zone',
  openedAt: 'Opened',
  network: 'Network plan',
  networks: 'Networks',
  tags: 'Tags',
};

const ACTIONS: Record<string, string> = {
  CREATED: 'Created',
  UPDATED: 'Details changed',
  STATUS_CHANGED: 'Status changed',
  STEP_COMPLETED: 'Provisioning step done',
  DELETED: 'Deleted',
};

/** "Created", "Status changed"… */
export const auditAction = (action: string) => ACTIONS[action] ?? action.toLowerCase().replace(/_/g, ' ');

/** The field as a form labels it; an unknown one in words ("someField" → "Some field"). */
export function fieldLabel(field: string): string {
  const words = field
    .replace(/\./g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return FIELD_LABELS[field] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

interface NetworkPlan {
  subnet: string;
  vlanId: number;
  gateway: string;
  dhcpRange?: { start: string; end: string };
}

const isNetworkPlan = (value: unknown): value is NetworkPlan =>
  typeof value === 'object' && value !== null && 'subnet' in value && 'gateway' in value;

/** Any value as a line of text: nested objects as "key: value" pairs, never as JSON. */
function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(plain).join(', ');
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([key, inner]) => `${fieldLabel(key).toLowerCase()} ${plain(inner)}`)
      .join(', ');
  return String(value);
}

/** A before or after value of `field`, from the audit log's JSON. */
export function fieldValue(field: string, json: string | null | undefined): string {
  if (json == null) return '—';
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  // Every network of the store: one "name (subnet, VLAN n)" each, in order.
  if (field === 'networks' && Array.isArray(value))
    return value
      .filter(isNetworkPlan)
      .map((n) => `${(n as NetworkPlan & { name?: string }).name ?? 'Network'} (${n.subnet}, VLAN ${n.vlanId})`)
      .join('; ');
  if (isNetworkPlan(value)) {
    const dhcp = value.dhcpRange ? ` · DHCP ${value.dhcpRange.start} – ${value.dhcpRange.end}` : '';
    return `${value.subnet} · VLAN ${value.vlanId} · gateway ${value.gateway}${dhcp}`;
  }
  if ((field === 'status' || field === 'type') && typeof value === 'string') return value.toLowerCase();
  if (field === 'openedAt' && typeof value === 'string') return new Date(value).toLocaleString();
  return plain(value);
}
