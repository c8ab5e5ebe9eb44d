import type { ActionResult, RunOutcome } from './scene-run.ts';
import type { ScheduleTiming } from './schedule-timing.ts';

export interface SceneAction {
  position: number;
  deviceId: string;
  command: string;
  arguments: string[];
}

export interface Scene {
  id: string;
  name: string;
  storeId: string | null;
  actions: SceneAction[];
  createdAt: Date;
  updatedAt: Date;
}

export interface Schedule {
  id: string;
  name: string;
  enabled: boolean;
  sceneId: string | null;
  deviceId: string | null;
  command: string | null;
  arguments: string[];
  timing: ScheduleTiming;
  cron: string | null;
  offsetMinutes: number;
  timeZone: string;
  latitude: number | null;
  longitude: number | null;
  storeId: string | null;
  /** User id of its creator: its commands are sent as them. */
  createdBy: string;
  nextRunAt: Date | null;
  createdAt: Date;
}

export type RunTrigger = 'MANUAL' | 'SCHEDULE';

export interface SceneRun {
  id: string;
  sceneId: string | null;
  scheduleId: string | null;
  trigger: RunTrigger;
  scheduledFor: Date | null;
  late: boolean;
  startedAt: Date;
  finishedAt: Date;
  outcome: RunOutcome;
  results: ActionResult[];
  /** User id of who ran it by hand. */
  startedBy: string | null;
}
