import { DateTimeScalar } from '@switchyard/shared';
import type { Resolvers } from '../generated/graphql.ts';
import { ActivityEntry } from './ActivityEntry.ts';
import { Alert } from './Alert.ts';
import { MaintenanceRecurrence, MaintenanceWindow } from './MaintenanceWindow.ts';
import { Backup } from './Backup.ts';
import { Monitor } from './Monitor.ts';
import { Mutation } from './Mutation.ts';
import { NotificationChannel } from './NotificationChannel.ts';
import { AlertRule } from './AlertRule.ts';
import { Overview } from './Overview.ts';
import { Query } from './Query.ts';
import { ServiceStatus } from './ServiceStatus.ts';
import { Silence } from './Silence.ts';
import { Store } from './Store.ts';
import { Incident } from './StatusPage.ts';
import { Subscription } from './Subscription.ts';
import { WebhookDelivery } from './WebhookDelivery.ts';
import { WebhookEndpoint } from './WebhookEndpoint.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Subscription,
  ServiceStatus,
  Alert,
  Silence,
  ActivityEntry,
  Overview,
  Backup,
  WebhookEndpoint,
  WebhookDelivery,
  Monitor,
  Store,
  MaintenanceWindow,
  MaintenanceRecurrence,
  Incident,
  NotificationChannel,
  AlertRule,
};
