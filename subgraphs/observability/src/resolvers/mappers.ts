import type { ChannelTestResult } from '../data/repositories.ts';
import type { Activity } from '../domain/activity.ts';
import type { AlertRule } from '../domain/alert-lifecycle.ts';
import type { Monitor } from '../domain/monitor.ts';
import type { MaintenanceWindow } from '../domain/maintenance.ts';
import type { Incident, StatusPage } from '../domain/status-page.ts';
import type { NotificationChannel } from '../domain/notification-channels.ts';
import type {
  Alert,
  Backup,
  BreakerState,
  NotificationAttempt,
  ServiceCheck,
  ServiceState,
  Silence,
  WebhookAttempt,
  WebhookDelivery,
  WebhookEndpoint,
} from '../domain/types.ts';

export type ServiceStatusMapper = ServiceState;
export type ServiceCheckMapper = ServiceCheck;
export type CircuitBreakerMapper = BreakerState;
export type AlertRuleMapper = AlertRule;
export type AlertMapper = Alert;
export type NotificationAttemptMapper = NotificationAttempt;
export type SilenceMapper = Silence;
export type ActivityEntryMapper = Activity;
/** Every Overview figure is computed by its own resolver; the parent is only the entity's key. */
export type OverviewMapper = { scope: string };
export type BackupMapper = Backup;
export type WebhookEndpointMapper = WebhookEndpoint;
export type WebhookDeliveryMapper = WebhookDelivery;
export type WebhookAttemptMapper = WebhookAttempt;
export type MonitorMapper = Monitor;
/** Store belongs to the stores subgraph; observability only adds its monitors. */
export type StoreMapper = { id: string };
export type MaintenanceWindowMapper = MaintenanceWindow;
/** A window's recurrence is read off the window itself. */
export type MaintenanceRecurrenceMapper = MaintenanceWindow;
export type IncidentMapper = Incident;
export type StatusPageMapper = StatusPage;
export type NotificationChannelMapper = NotificationChannel;
export type NotificationTestResultMapper = ChannelTestResult;
