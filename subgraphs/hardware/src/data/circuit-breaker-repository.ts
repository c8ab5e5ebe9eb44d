import { appendToOutbox } from '@switchyard/shared';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { circuitBreakerStateChanged } from '../domain/circuit-breaker-events.ts';
import type { CircuitBreakerSnapshot } from '../domain/types.ts';

export type CircuitBreakerRepository = ReturnType<typeof createCircuitBreakerRepository>;

/** Breaker state lives in memory (per replica); its transitions are recorded for observability. */
export function createCircuitBreakerRepository(db: PrismaClient, onCommitted: () => void) {
  return {
    async recordChange(snapshot: CircuitBreakerSnapshot): Promise<void> {
      const { name, service, state, failures, changedAt } = snapshot;
      await db.$transaction((tx) => appendToOutbox(tx, circuitBreakerStateChanged({ name, service, state, failures, changedAt: (changedAt ?? new Date()).toISOString() })));
      onCommitted();
    },
  };
}
