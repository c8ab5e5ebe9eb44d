import { eventually } from '@switchyard/testing/eventually';
import { createEventIngest, IngestOverloadedError } from './event-ingest.ts';
import { incomingFromHub, type IncomingDeviceEvent, type IngestOutcome } from '../domain/device-event.ts';

const incoming = (value: string) => incomingFromHub('hub', { name: 'switch', value, deviceId: '1' }, new Date());

describe('event ingest queue', () => {
  it('writes events in batches, in order, and resolves each with its outcome after its batch is stored', async () => {
    const batches: string[][] = [];
    const ingest = createEventIngest({
      maxBatch: 3,
      maxPending: 100,
      store: async (events: IncomingDeviceEvent[]) => {
        batches.push(events.map((e) => e.value!));
        return events.map((e): IngestOutcome => (e.value === 'dup' ? 'duplicate' : 'stored'));
      },
    });
    const outcomes = await Promise.all(['a', 'b', 'dup', 'c', 'd'].map((v) => ingest.submit(incoming(v))));
    expect(outcomes).toEqual(['stored', 'stored', 'duplicate', 'stored', 'stored']);
    expect(batches.flat()).toEqual(['a', 'b', 'dup', 'c', 'd']);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(3);
  });

  it('refuses new events when the queue is full, and fails a batch whose write fails', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const ingest = createEventIngest({
      maxBatch: 1,
      // The batch being written counts: one writing and two queued.
      maxPending: 3,
      lingerMs: 0,
      store: async (events: IncomingDeviceEvent[]) => {
        calls += 1;
        await blocked;
        if (calls === 1) throw new Error('database down');
        return events.map((): IngestOutcome => 'stored');
      },
    });
    const first = ingest.submit(incoming('1'));
    await eventually(async () => calls === 1, 5_000, 1); // the first batch is taken, and held by the store
    const queued = [ingest.submit(incoming('2')), ingest.submit(incoming('3'))];
    await expect(ingest.submit(incoming('4'))).rejects.toBeInstanceOf(IngestOverloadedError);
    release();
    await expect(first).rejects.toThrow('database down');
    await expect(Promise.all(queued)).resolves.toEqual(['stored', 'stored']);
    await ingest.idle();
  });

  it('counts the batch being written as pending, so a flood fills the queue', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const ingest = createEventIngest({
      maxBatch: 10,
      maxPending: 3,
      lingerMs: 0,
      store: async (events: IncomingDeviceEvent[]) => {
        await blocked;
        return events.map((): IngestOutcome => 'stored');
      },
    });
    const writing = [ingest.submit(incoming('1')), ingest.submit(incoming('2')), ingest.submit(incoming('3'))];
    await new Promise((resolve) => setTimeout(resolve, 10));
    // All three left the queue for one batch, which is still being written.
    expect(ingest.isFull()).toBe(true);
    await expect(ingest.submit(incoming('4'))).rejects.toBeInstanceOf(IngestOverloadedError);
    release();
    await expect(Promise.all(writing)).resolves.toEqual(['stored', 'stored', 'stored']);
    expect(ingest.isFull()).toBe(false);
  });
});
