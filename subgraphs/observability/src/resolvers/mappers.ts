import type { ChannelTestResult } from '../data/repositories.ts';
import type { Activity } from '../domain/activity.ts';
import type { AlertRule } from '../domain/alert-lifecycle.ts';
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
export type NotificationChannelMapper = NotificationChannel;
export type NotificationTestResultMapper = ChannelTestResult;
