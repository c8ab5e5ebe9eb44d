import type { CircuitBreakerSnapshot } from '@switchyard/shared';
import type { Asset, AssetAllocation, CommandSender, Device, DeviceEvent, Hub, HubStatus } from '../domain/types.ts';
import type { CommandOutcome } from '../services/hub-service.ts';

export type HubMapper = Hub;
export type DeviceMapper = Device;
export type DeviceEventMapper = DeviceEvent;
export type AssetMapper = Asset;
export type AssetAllocationMapper = AssetAllocation;
export type StoreMapper = { id: string };
export type CircuitBreakerStateMapper = CircuitBreakerSnapshot;
export type DeviceCommandResultMapper = CommandOutcome;
export type HubStatusChangeMapper = { hubId: string; status: HubStatus; previousStatus: HubStatus; changedAt: Date };
export type OverviewMapper = { scope: string };
export type UserMapper = { id: string };
export type CommandSenderMapper = CommandSender;
export type HubEventMapper = import('../data/repositories.ts').HubEventRecord;
export type HubVariableMapper = import('../data/repositories.ts').HubVariableRecord;
