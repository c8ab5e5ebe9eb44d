import { randomUUID } from 'node:crypto';
import { fetchHouseholdOf, type InternalClient, type Logger } from '@switchyard/shared';

/**
 * Which household a reader of the feed is in, asked of meals through its household route. When
 * meals cannot answer, the reader has no household: household events stay hidden rather than
 * shown to the wrong people.
 */
export function createHouseholdLookup(client: InternalClient, mealsUrl: string | undefined, logger: Logger) {
  return async function householdOf(userId: string): Promise<string | null> {
    if (!mealsUrl) return null;
    const context = { principal: null, requestId: randomUUID(), clientIp: null, userAgent: 'observability activity' };
    try {
      return await fetchHouseholdOf(client, mealsUrl, context, userId);
    } catch (error) {
      logger.warn({ err: error }, 'meals did not say which household a reader is in; household events stay hidden');
      return null;
    }
  };
}
