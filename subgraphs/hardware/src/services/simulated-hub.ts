import type { Logger } from '@switchyard/shared';
import type { HubRepository } from '../data/repositories.ts';
import type { HubService } from './hub-service.ts';

const ATTEMPTS = 30;
const RETRY_MS = 2_000;

/**
 * `npm start` on embedded defaults: registers the simulator (SIMULATED_HUB_URL) as a hub when no
 * hub exists yet, so a new user sees live devices at once. The simulator may start after this
 * service, so registration is retried for a minute in the background.
 */
export function registerSimulatedHub(
  { hubs, hubService }: { hubs: HubRepository; hubService: HubService },
  hub: { baseUrl: string; appId: string; accessToken: string },
  logger: Logger,
): void {
  const attempt = async (remaining: number): Promise<void> => {
    if ((await hubs.count()) > 0) return;
    try {
      await hubService.register({ name: 'Simulated hub', storeId: null, ...hub });
    } catch (error) {
      if (remaining <= 1) {
        logger.warn({ reason: (error as Error).message }, 'could not register the simulated hub');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
      return attempt(remaining - 1);
    }
  };
  attempt(ATTEMPTS).catch((error: unknown) => logger.error({ err: error }, 'registering the simulated hub failed'));
}
