import { IdempotencyKeyInUseError, type IdempotencyRequest } from '@switchyard/shared';
import type { HubCallKeyRepository } from '../data/repositories.ts';
import { HubRequestError } from '../hubitat/hub-request-error.ts';

export interface HubCallCodec<T> {
  /** What a repeat is answered from: small and JSON. */
  save(result: T): unknown;
  replay(saved: unknown): Promise<T>;
  /** Whether a failure is kept and answered to repeats (the hub may have acted) or forgets the key. */
  keepsFailure(error: HubRequestError): boolean;
}

/**
 * An idempotency key for a mutation that calls a hub. The shared idempotent() commits the key in
 * the transaction of the work, which here would hold a transaction (and a pooled connection) open
 * across the hub's HTTP answer, up to the hub timeout. Instead the key is claimed as pending in a
 * short transaction of its own, the hub is called outside any transaction, and the outcome is
 * stored after: a duplicate meanwhile gets IDEMPOTENCY_KEY_IN_USE, a later one the stored outcome,
 * so the hub is called at most once per key. A failure that is not kept forgets the key, so a retry
 * calls again. If the process dies mid-call the key stays pending, and IN_USE, for its 24 hours:
 * whether the hub acted is then unknown, and sending again is the caller's choice, with a new key.
 */
export async function hubCallOnce<T>(
  keys: HubCallKeyRepository,
  request: IdempotencyRequest | null,
  call: () => Promise<T>,
  codec: HubCallCodec<T>,
): Promise<T> {
  if (!request) return call();
  const first = await keys.claim(request);
  if (first?.status === 'pending') throw new IdempotencyKeyInUseError();
  if (first?.status === 'failed') throw new HubRequestError(first.error.failure, first.error.message);
  if (first) return codec.replay(first.result);
  let result: T;
  try {
    result = await call();
  } catch (error) {
    if (error instanceof HubRequestError && codec.keepsFailure(error))
      await keys.settle(request, { status: 'failed', error: { failure: error.failure, message: error.message } });
    else await keys.release(request);
    throw error;
  }
  await keys.settle(request, { status: 'done', result: codec.save(result) });
  return result;
}
