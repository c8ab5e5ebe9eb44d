import { DateTimeScalar } from '@switchyard/shared';
import type { Resolvers } from '../generated/graphql.ts';
import { Asset } from './Asset.ts';
import { CommandSender } from './CommandSender.ts';
import { AssetAllocation } from './AssetAllocation.ts';
import { Device } from './Device.ts';
import { DeviceEvent } from './DeviceEvent.ts';
import { Hub } from './Hub.ts';
import { HubControlFields, HubControlMutations, HubControlSubscriptions } from './HubControls.ts';
import { HubEvent } from './HubEvent.ts';
import { HubStatusChange } from './HubStatusChange.ts';
import { Mutation } from './Mutation.ts';
import { Overview } from './Overview.ts';
import { Query } from './Query.ts';
import { Scene } from './Scene.ts';
import { SceneAction } from './SceneAction.ts';
import { SceneActionResult } from './SceneActionResult.ts';
import { SceneRun } from './SceneRun.ts';
import { Schedule } from './Schedule.ts';
import { Store } from './Store.ts';
import { Subscription } from './Subscription.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation: { ...Mutation, ...HubControlMutations },
  Subscription: { ...Subscription, ...HubControlSubscriptions },
  Store,
  Hub: { ...Hub, ...HubControlFields },
  HubEvent,
  Device,
  DeviceEvent,
  CommandSender,
  HubStatusChange,
  Asset,
  AssetAllocation,
  Overview,
  Scene,
  SceneAction,
  SceneActionResult,
  SceneRun,
  Schedule,
};
