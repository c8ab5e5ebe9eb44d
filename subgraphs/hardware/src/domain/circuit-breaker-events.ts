import type { NewDomainEvent } from '@switchyard/shared';
import type { CircuitState } from './types.ts';

export const CIRCUIT_BREAKER_AGGREGATE = 'CircuitBreaker';

/** Consumed by observability, which aggregates breakers across services. */
export interface CircuitBreakerStateChangedPayload {
  name: string;
  service: 'hardware';
  state: CircuitState;
  failures: number;
  changedAt: string;
}

export function circuitBreakerStateChanged(payload: CircuitBreakerStateChangedPayload): NewDomainEvent<CircuitBreakerStateChangedPayload> {
  return { type: 'CircuitBreakerStateChanged', aggregateType: CIRCUIT_BREAKER_AGGREGATE, aggregateId: payload.name, actor: { kind: 'system', id: null }, payload };
}
