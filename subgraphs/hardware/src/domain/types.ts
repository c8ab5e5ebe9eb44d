export type HubStatus = 'ONLINE' | 'OFFLINE' | 'UNAUTHORIZED';

export interface Hub {
  id: string;
  name: string;
  baseUrl: string;
  appId: string;
  storeId: string | null;
  status: HubStatus;
  mode: string | null;
  lastSeenAt: Date | null;
  /** The last event the hub POSTed (see hub diagnostics). */
  lastEventAt: Date | null;
  createdAt: Date;
}

export interface DeviceCommandSpec {
  name: string;
  /** Argument types as the hub declares them, e.g. ['NUMBER', 'NUMBER'] for setLevel. */
  arguments: string[];
}

export interface Device {
  id: string;
  hubId: string;
  hubDeviceId: string;
  name: string;
  label: string;
  type: string | null;
  room: string | null;
  capabilities: string[];
  commands: DeviceCommandSpec[];
  /** The hub's store: devices are where their hub is. */
  storeId: string | null;
  /** The last event the hub POSTed for it. */
  lastEventAt: Date | null;
}

export interface DeviceAttribute {
  name: string;
  value: string | null;
  unit: string | null;
  updatedAt: Date;
}

export type DeviceEventSource = 'PHYSICAL' | 'DIGITAL' | 'RECONCILIATION' | 'COMMAND' | 'UNKNOWN';

/** Who sent a command: a signed-in user, or an API key acting for its owner. */
export interface CommandSender {
  kind: 'USER' | 'API_KEY';
  userId: string;
  apiKeyId: string | null;
}

export interface DeviceEvent {
  id: string;
  deviceId: string;
  name: string;
  value: string | null;
  unit: string | null;
  description: string | null;
  source: DeviceEventSource;
  receivedAt: Date;
  /** Set on COMMAND entries only. */
  sentBy: CommandSender | null;
}

export type AssetKind = 'POS_TERMINAL' | 'ROUTER' | 'SWITCH' | 'ACCESS_POINT' | 'CAMERA' | 'PRINTER' | 'HUB' | 'OTHER';
export type AssetStatus = 'IN_STOCK' | 'ALLOCATED' | 'FAULTY' | 'RETIRED';

export interface Asset {
  id: string;
  kind: AssetKind;
  serialNumber: string;
  model: string;
  vendor: string;
  status: AssetStatus;
  storeId: string | null;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AssetAllocation {
  assetId: string;
  storeId: string;
  allocatedAt: Date;
  allocatedBy: string | null;
  releasedAt: Date | null;
  releasedBy: string | null;
}
