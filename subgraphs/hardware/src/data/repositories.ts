import type { IdempotencyRequest } from '@switchyard/shared';
import type { HourRollup } from '../domain/attribute-history.ts';
import type { Scene, SceneAction, SceneRun, Schedule } from '../domain/scenes.ts';
import type { ImportedAsset } from '../domain/asset-import.ts';
import type { IncomingDeviceEvent, IngestOutcome } from '../domain/device-event.ts';
import type { HubEventKind, HubVariableType, LocationEvent } from '../domain/hub-controls.ts';
import type { HubFailure } from '../hubitat/hub-request-error.ts';
import type {
  Asset,
  AssetAllocation,
  AssetKind,
  AssetStatus,
  CommandSender,
  Device,
  DeviceAttribute,
  DeviceCommandSpec,
  DeviceEvent,
  Hub,
  HubStatus,
} from '../domain/types.ts';

/*
 * What hardware's services, jobs and resolvers depend on: one interface per repository, in domain
 * types. The Prisma-backed implementations beside this file are the only code that touches the
 * database; unit tests give the services in-memory fakes of the same interfaces (test/fakes).
 */

export interface NewHub {
  id: string;
  name: string;
  baseUrl: string;
  appId: string;
  storeId: string | null;
  accessTokenEncrypted: string;
  webhookSecretHash: string;
  webhookGeneration: number;
  mode: string | null;
  lastSeenAt: Date;
}

/** What only the hub service sees: the sealed token and the webhook secret's generation. */
export interface HubSecrets {
  accessTokenEncrypted: string;
  webhookSecretHash: string;
  webhookGeneration: number;
}

export interface HubRepository {
  /** A new hub is ONLINE. A Maker API app (base URL and app id) registered twice is CONFLICT on `input.appId`. */
  create(hub: NewHub): Promise<Hub>;
  findById(id: string): Promise<Hub | null>;
  findManyByIds(ids: readonly string[]): Promise<Hub[]>;
  /** Ordered by name. */
  list(): Promise<Hub[]>;
  /** Hubs of many stores at once (for a DataLoader). */
  listByStores(storeIds: readonly string[]): Promise<Map<string, Hub[]>>;
  count(): Promise<number>;
  secretsOf(id: string): Promise<HubSecrets | null>;
  /** Forgets the hub with its devices; false when there was none. */
  delete(id: string): Promise<boolean>;
  /**
   * Sets the status (ONLINE also notes when the hub was last seen); when it changes, records
   * HubStatusChanged at once. Of concurrent observers of one change, one reports it. Returns
   * whether the status changed.
   */
  setStatus(id: string, status: HubStatus, reason: string, now: Date): Promise<boolean>;
  setMode(id: string, mode: string | null): Promise<void>;
  /**
   * Claims up to `limit` hubs due for reconciliation and pushes their next poll out by
   * `intervalMs`; replicas claiming at once get different hubs.
   */
  claimDue(limit: number, intervalMs: number, now: Date): Promise<string[]>;
}

/** A device as the hub describes it in `devices/all`, with its commands' argument types and its attributes' values. */
export type ImportedDevice = Pick<
  Device,
  'hubDeviceId' | 'name' | 'label' | 'type' | 'room' | 'capabilities' | 'commands'
> & { attributes: Record<string, string | null> };

export interface DeviceFilter {
  hubId?: string | null;
  storeId?: string | null;
  capability?: string | null;
  room?: string | null;
  search?: string | null;
}

export interface DeviceRepository {
  findById(id: string): Promise<Device | null>;
  findManyByIds(ids: readonly string[]): Promise<Device[]>;
  /** Devices of many hubs or stores at once (for DataLoaders), ordered by label. */
  listGrouped(by: 'hubId' | 'storeId', ids: readonly string[]): Promise<Map<string, Device[]>>;
  /** Keyset page ordered by (label, id); fetches size + 1 rows (see toConnection). */
  page(filter: DeviceFilter, size: number, after: string | null): Promise<Device[]>;
  count(filter: DeviceFilter): Promise<number>;
  cursorOf(device: Device): string;
  attributesOf(deviceIds: readonly string[]): Promise<Map<string, DeviceAttribute[]>>;
  /** hubDeviceId → attribute name → value, for reconciliation. */
  currentAttributes(hubId: string): Promise<Map<string, Map<string, string | null>>>;
  /** hubDeviceId → known commands, so a sync fetches argument types only for new or changed devices. */
  knownCommands(hubId: string): Promise<Map<string, DeviceCommandSpec[]>>;
  /**
   * Makes the hub's devices exactly `devices`: updates descriptions, adds new devices with their
   * current attributes, and forgets devices the Maker API no longer exposes (with their history).
   * Attributes of known devices are left to reconciliation, which records changes as events.
   */
  replaceFromHub(hubId: string, devices: ImportedDevice[], now: Date): Promise<void>;
  summaryForStore(storeId: string): Promise<{ hubs: number; devices: number }>;
  countByAvailability(): Promise<{ devicesOnline: number; devicesTotal: number }>;
}

export interface SentCommand {
  deviceId: string;
  command: string;
  args: readonly string[];
  sentAt: Date;
  sender: CommandSender | null;
}

export interface DeviceEventRepository {
  /**
   * Stores a batch at once: the attributes' new values, the history rows and a
   * DeviceEventReceived event per stored event; which events are stored is decided per attribute
   * in arrival order (decideAttributeEvents). Returns what became of each event, in order.
   */
  ingest(events: readonly IncomingDeviceEvent[]): Promise<IngestOutcome[]>;
  /**
   * Newest first, keyset on (receivedAt, id); fetches size + 1 rows (see toConnection). With a
   * name, only that attribute's events (a switch's history is not buried under temperature readings).
   */
  page(deviceId: string, size: number, after: string | null, name?: string | null): Promise<DeviceEvent[]>;
  /** A command the hub accepted, as a history entry saying who sent it (not published as an event). */
  recordCommand(command: SentCommand): Promise<void>;
  cursorOf(event: DeviceEvent): string;
}

/** What updateAsset may change: undefined leaves a field as it is. */
export interface AssetChanges {
  kind?: AssetKind;
  serialNumber?: string;
  model?: string;
  vendor?: string;
  notes?: string | null;
}

export interface AssetFilter {
  kind?: AssetKind | null;
  status?: AssetStatus | null;
  storeId?: string | null;
  search?: string | null;
}

export interface AssetRepository {
  /**
   * A serial number registered twice is CONFLICT on `input.serialNumber`. With a key, a repeat
   * answers the first asset (packages/shared/src/idempotency.ts).
   */
  create(
    input: { kind: AssetKind; serialNumber: string; model: string; vendor: string; notes: string | null },
    idempotency?: IdempotencyRequest | null,
  ): Promise<Asset>;
  findById(id: string): Promise<Asset | null>;
  findManyByIds(ids: readonly string[]): Promise<Asset[]>;
  /** Assets allocated to many stores at once (for a DataLoader), ordered by serial number. */
  listByStores(storeIds: readonly string[]): Promise<Map<string, Asset[]>>;
  /** Keyset page ordered by serial number (unique); fetches size + 1 rows. */
  page(filter: AssetFilter, size: number, after: string | null): Promise<Asset[]>;
  count(filter: AssetFilter): Promise<number>;
  cursorOf(asset: Asset): string;
  allocationsOf(assetIds: readonly string[]): Promise<Map<string, AssetAllocation[]>>;
  countAllocatedTo(storeId: string): Promise<number>;
  /**
   * The lifecycle actions (src/domain/asset-lifecycle.ts): each applies only if the asset's
   * status allows it, else CONFLICT (NOT_FOUND for an unknown asset); of concurrent actions on one
   * asset each sees the status the previous one left. Allocating records AssetAllocated; releasing,
   * or marking an allocated asset faulty, closes the allocation and records AssetReleased.
   */
  allocate(id: string, storeId: string, by: string | null, now: Date): Promise<Asset>;
  release(id: string, by: string | null, now: Date): Promise<Asset>;
  markFaulty(id: string, notes: string | null, by: string | null, now: Date): Promise<Asset>;
  /** Takes the asset out of use for good, closing its allocation if it has one. */
  retire(id: string, by: string | null, now: Date): Promise<Asset>;
  /** Releases every asset allocated to the store, in one transaction; answers those released. */
  releaseAllAt(storeId: string, by: string | null, now: Date): Promise<Asset[]>;
  /** Corrects the asset's description (not its status); a taken serial number is CONFLICT. */
  update(id: string, changes: AssetChanges): Promise<Asset>;
}

/** Where a key of a mutation that calls a hub stands (src/services/hub-call-once.ts). */
export type HubCallKeyState =
  | { status: 'pending' }
  | { status: 'done'; result: unknown }
  | { status: 'failed'; error: { failure: HubFailure; message: string } };

/** Idempotency keys claimed before a hub call and settled after it, each step its own short transaction. */
export interface HubCallKeyRepository {
  /**
   * Claims the key as pending (null), or returns where the first request with it stands; a key
   * used with other arguments is IDEMPOTENCY_KEY_REUSED (packages/shared/src/idempotency.ts).
   */
  claim(request: IdempotencyRequest): Promise<HubCallKeyState | null>;
  settle(request: IdempotencyRequest, state: HubCallKeyState): Promise<void>;
  /** Forgets the key, so a retry with it starts anew. */
  release(request: IdempotencyRequest): Promise<void>;
}

/** What hub diagnostics read; the last-event times are written by the event ingest. */
export interface HubDiagnosticsRepository {
  lastEventAt(hubId: string): Promise<Date | null>;
  /** The last RECONCILIATION event of the hub's devices at or after `since`, if any. */
  lastRepairSince(hubId: string, since: Date): Promise<Date | null>;
  /** Location events (mode, HSM…) reach no device, but they are events from the hub all the same. */
  touchHub(hubId: string, at: Date): Promise<void>;
}

/** Hourly roll-ups and the raw numeric values the device charts are drawn from. */
export interface AttributeHistoryRepository {
  /** The device's hourly rows of one attribute from `since` on, oldest first. */
  hours(deviceId: string, name: string, since: Date): Promise<HourRollup[]>;
  /** The device's raw events of one attribute from `since` on (values as text), oldest first. */
  events(deviceId: string, name: string, since: Date): Promise<{ value: string | null; receivedAt: Date }[]>;
  /** Names of the device's attributes that have roll-ups, sorted. */
  numericAttributes(deviceId: string): Promise<string[]>;
  /** The attribute's current unit, if any. */
  unitOf(deviceId: string, name: string): Promise<string | null>;
}

// Scenes and schedules (scene-repository.ts).

export interface SceneData {
  name: string;
  storeId: string | null;
  actions: Omit<SceneAction, 'position'>[];
}

export type ScheduleData = Omit<Schedule, 'id' | 'createdAt'>;

export type NewSceneRun = Omit<SceneRun, 'id'>;

/** A schedule the scheduler claimed: it was due at `dueAt`; its nextRunAt has already moved on. */
export interface ClaimedSchedule {
  schedule: Schedule;
  dueAt: Date;
}

export interface SceneRepository {
  createScene(data: SceneData): Promise<Scene>;
  /** Replaces name, store and every action at once; null when there is no such scene. */
  replaceScene(id: string, data: SceneData): Promise<Scene | null>;
  /** False when there is no such scene; CONFLICT while a schedule runs it. */
  deleteScene(id: string): Promise<boolean>;
  findScene(id: string): Promise<Scene | null>;
  findManyScenes(ids: readonly string[]): Promise<Scene[]>;
  listScenes(storeId: string | null): Promise<Scene[]>;
  createSchedule(data: ScheduleData): Promise<Schedule>;
  /** Null when there is no such schedule. */
  updateSchedule(id: string, data: Partial<ScheduleData>): Promise<Schedule | null>;
  deleteSchedule(id: string): Promise<boolean>;
  findSchedule(id: string): Promise<Schedule | null>;
  findManySchedules(ids: readonly string[]): Promise<Schedule[]>;
  listSchedules(): Promise<Schedule[]>;
  /** Claims due enabled schedules, moving each one's nextRunAt to `next(schedule)` in the same transaction. */
  claimDue(limit: number, now: Date, next: (schedule: Schedule) => Date | null): Promise<ClaimedSchedule[]>;
  recordRun(run: NewSceneRun): Promise<SceneRun>;
  /** The newest run of each scene (or schedule) asked for. */
  lastRuns(by: 'sceneId' | 'scheduleId', ids: readonly string[]): Promise<Map<string, SceneRun[]>>;
  /** A schedule's runs, newest first: `size + 1` rows from after the cursor. */
  pageOfRuns(scheduleId: string, size: number, after: string | null): Promise<SceneRun[]>;
  runCursorOf(run: SceneRun): string;
}

/** What the CSV import of assets reads and writes (data/asset-import-repository.ts). */
export interface AssetImportRepository {
  /** Those of `serials` (upper-cased, as stored) that an asset already has. */
  existingSerials(serials: readonly string[]): Promise<Set<string>>;
  /** Every asset in one transaction, in order: all or none (CONFLICT on field csv if a serial was taken meanwhile). */
  createMany(assets: readonly ImportedAsset['input'][]): Promise<Asset[]>;
}

/** A hub-level change (src/domain/hub-controls.ts): mode, HSM status, HSM alert, hub variable. */
export interface HubEventRecord {
  id: string;
  hubId: string;
  kind: HubEventKind;
  name: string;
  value: string | null;
  receivedAt: Date;
}

export interface HubVariableRecord {
  name: string;
  type: HubVariableType;
  value: string | null;
  updatedAt: Date;
}

export interface HubEventRepository {
  /**
   * Applies location events in order, in one transaction: a mode, HSM status or variable value
   * that is already the stored one is no change and is skipped (a resent or read-back value);
   * every HSM alert is an event. Each stored event is a HubEvent row and a HubEventRecorded in the
   * outbox. `types` gives the type of variables not yet known (else String). Returns those stored.
   */
  record(
    hubId: string,
    events: readonly LocationEvent[],
    at: Date,
    types?: ReadonlyMap<string, HubVariableType>,
  ): Promise<HubEventRecord[]>;
  /** Makes the stored variables exactly `variables` (names the hub no longer exposes go). */
  forgetVariablesExcept(hubId: string, names: readonly string[]): Promise<void>;
  /** Newest first. */
  recent(hubId: string, limit: number): Promise<HubEventRecord[]>;
  hsmStatus(hubId: string): Promise<string | null>;
  variables(hubId: string): Promise<HubVariableRecord[]>;
}
