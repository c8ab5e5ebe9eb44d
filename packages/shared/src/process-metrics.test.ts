import { createInProcessEventBus } from './event-bus.ts';
import { createMetrics } from './metrics.ts';
import { instrumentEventBus, recordBreakerState } from './process-metrics.ts';

describe('process metrics', () => {
  it('count published and consumed events and breaker states in every service registry', async () => {
    const metrics = createMetrics('test');
    const bus = instrumentEventBus(createInProcessEventBus());
    const consumer = bus.subscribe('events.Test');
    const received = consumer.next();
    await bus.publish('events.Test', {
      id: 'e1',
      type: 'T',
      aggregateType: 'Test',
      aggregateId: 'a',
      sequence: 1,
      occurredAt: new Date().toISOString(),
      actor: null,
      payload: {},
    });
    expect((await received).value?.id).toBe('e1');
    recordBreakerState('hardware', 'hub:1', 'OPEN');
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/event_bus_messages_total\{direction="publish",channel="events.Test",service="test"\} 1/);
    expect(text).toMatch(/event_bus_messages_total\{direction="consume",channel="events.Test",service="test"\} 1/);
    expect(text).toMatch(/event_bus_lag_seconds_count\{service="test",channel="events.Test"\} 1/);
    expect(text).toMatch(/circuit_breaker_state\{service="hardware",name="hub:1"\} 2/);
    await consumer.return?.();
    await bus.close();
  });
});
