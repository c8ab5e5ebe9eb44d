import { randomUUID } from 'node:crypto';
import { TEST_BACKENDS } from '@switchyard/testing';
import { createWebhookRepository } from '../src/data/webhook-repository.ts';
import { toWebhookEvent } from '../src/domain/webhook-events.ts';
import { startObservability } from './support.ts';

const HOLD_MS = 60_000;

describe.each(TEST_BACKENDS)('the webhook delivery queue on a real database (%s)', (backend) => {
  let observability: Awaited<ReturnType<typeof startObservability>>;
  let webhooks: ReturnType<typeof createWebhookRepository>;

  beforeAll(async () => {
    observability = await startObservability(backend);
    webhooks = createWebhookRepository(observability.db);
  });
  afterAll(() => observability?.stop());

  const endpoint = (eventTypes = ['store.created', 'store.updated']) =>
    webhooks.createEndpoint({
      url: 'https://hooks.example.com/x',
      description: '',
      eventTypes,
      ownerId: randomUUID(),
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    });
  const storeEvent = (storeId: string, version: number, type = version === 1 ? 'StoreCreated' : 'StoreUpdated') => ({
    id: randomUUID(),
    type,
    aggregateType: 'Store',
    aggregateId: storeId,
    sequence: version,
    occurredAt: new Date(Date.now() + version).toISOString(),
    actor: null,
    payload: { storeId },
  });
  const owe = (event: ReturnType<typeof storeEvent>) => webhooks.enqueue(toWebhookEvent(event)!, event.sequence);
  const claim = async () => {
    const now = new Date(Date.now() + 1_000);
    return webhooks.claimDue(now, new Date(now.getTime() + HOLD_MS), 100);
  };
  const mine = <T extends { endpointId: string }>(claimed: T[], id: string) =>
    claimed.filter((d) => d.endpointId === id);

  it('owes an event once per subscribed endpoint, however often it is fed', async () => {
    const subscribed = await endpoint();
    const other = await endpoint(['device.event']);
    const event = storeEvent(randomUUID(), 1);
    await owe(event);
    await owe(event);
    expect(await observability.db.webhookDelivery.count({ where: { endpointId: subscribed.id } })).toBe(1);
    expect(await observability.db.webhookDelivery.count({ where: { endpointId: other.id } })).toBe(0);
  });

  it('does not owe an endpoint events older than it', async () => {
    const old = storeEvent(randomUUID(), 1);
    old.occurredAt = new Date(Date.now() - 60_000).toISOString();
    const later = await endpoint();
    await owe(old);
    expect(await observability.db.webhookDelivery.count({ where: { endpointId: later.id } })).toBe(0);
  });

  it('claims one event per aggregate at a time, in sequence order, and never the same one twice', async () => {
    const target = await endpoint();
    const [a, b] = [randomUUID(), randomUUID()];
    // Fed out of order: the queue still sends a store's events by its version.
    for (const event of [storeEvent(a, 2), storeEvent(b, 1), storeEvent(a, 1), storeEvent(a, 3)]) await owe(event);

    const first = mine(await claim(), target.id);
    expect(first.map((d) => `${d.aggregateKey}#${d.sequence}`).sort()).toEqual([`Store:${a}#1`, `Store:${b}#1`].sort());
    // Claimed and held: a second claimer (another replica) gets neither, nor a's later events.
    expect(mine(await claim(), target.id)).toEqual([]);

    // a's first is retrying: a's second still waits behind it.
    const aFirst = first.find((d) => d.aggregateKey === `Store:${a}`)!;
    await webhooks.recordAttempt(
      aFirst,
      { attemptedAt: new Date(), httpStatus: 500, latencyMs: 3, responseSnippet: 'no', error: null },
      { status: 'PENDING', nextAttemptAt: new Date() },
    );
    expect(mine(await claim(), target.id).map((d) => d.sequence)).toEqual([1]);

    const retried = await observability.db.webhookDelivery.findUniqueOrThrow({ where: { id: aFirst.id } });
    expect(retried.attempts).toBe(1);
    await webhooks.recordAttempt(
      { ...aFirst, attempts: 1 },
      { attemptedAt: new Date(), httpStatus: 200, latencyMs: 3, responseSnippet: 'ok', error: null },
      { status: 'DELIVERED' },
    );
    expect(mine(await claim(), target.id).map((d) => [d.aggregateKey, d.sequence])).toEqual([[`Store:${a}`, 2]]);
    expect(await webhooks.attemptsOf([aFirst.id])).toHaveLength(2);
  });

  it('keeps the failure streak until a success, and claims nothing of a disabled endpoint', async () => {
    const target = await endpoint();
    await owe(storeEvent(randomUUID(), 1));
    const [delivery] = mine(await claim(), target.id);
    const failedAt = new Date();
    const after = await webhooks.recordAttempt(
      delivery!,
      { attemptedAt: failedAt, httpStatus: null, latencyMs: 2_000, responseSnippet: null, error: 'timed out' },
      { status: 'PENDING', nextAttemptAt: new Date() },
    );
    expect(after!.failingSince).toEqual(failedAt);
    expect(await webhooks.disable(target.id, 'kept failing', new Date())).toBe(true);
    expect(await webhooks.disable(target.id, 'kept failing', new Date())).toBe(false);
    expect(mine(await claim(), target.id)).toEqual([]);
    await webhooks.updateEndpoint(target.id, { enabled: true }, new Date());
    expect(mine(await claim(), target.id)).toHaveLength(1);
  });
});
