import type { CircuitBreaker, ServiceCheck, ServiceState, Silence, NotificationAttempt } from '../generated/prisma/client.ts';
import type { AlertRow } from '../data/alert-repository.ts';
import type { Activity } from '../domain/activity.ts';
import type { AlertRule } from '../domain/alert-lifecycle.ts';

export type ServiceStatusMapper = ServiceState;
export type ServiceCheckMapper = ServiceCheck;
export type CircuitBreakerMapper = CircuitBreaker;
export type AlertRuleMapper = AlertRule;
export type AlertMapper = AlertRow;
export type NotificationAttemptMapper = NotificationAttempt;
export type SilenceMapper = Silence;
export type ActivityEntryMapper = Activity;
/** Every Overview figure is computed by its own resolver; the parent is only the entity's key. */
export type OverviewMapper = { scope: string };
