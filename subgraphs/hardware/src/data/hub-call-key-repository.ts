import { idempotent, releaseIdempotency, settleIdempotency } from '@switchyard/shared';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { HubCallKeyRepository, HubCallKeyState } from './repositories.ts';

const PENDING: HubCallKeyState = { status: 'pending' };

/** The shared IdempotencyRecord, with the hub call's state as its result. */
export function createHubCallKeyRepository(db: PrismaClient): HubCallKeyRepository {
  return {
    async claim(request) {
      let claimed = false;
      const first = await db.$transaction((tx) =>
        idempotent(
          tx,
          request,
          async () => {
            claimed = true;
            return PENDING;
          },
          { save: (state) => state, replay: async (saved) => saved as HubCallKeyState },
        ),
      );
      return claimed ? null : first;
    },

    settle: (request, state) => settleIdempotency(db, request, state),
    release: (request) => releaseIdempotency(db, request),
  };
}
