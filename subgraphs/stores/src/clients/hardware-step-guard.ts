import {
  BadUserInputError,
  ServiceUnavailableError,
  fetchHardwareSummary,
  type HardwareSummary,
  type InternalClient,
} from '@switchyard/shared';
import type { StepGuard } from '../domain/provisioning.ts';

/**
 * "Hardware allocated" is true when the hardware subgraph, which owns assets, has at least one
 * allocated to the store: asked at completion time over its signed internal route.
 */
export function hardwareAllocatedGuard(client: InternalClient, hardwareGraphqlUrl: string): StepGuard {
  return async (store) => {
    let summary: HardwareSummary;
    try {
      summary = await fetchHardwareSummary(
        client,
        hardwareGraphqlUrl,
        { principal: null, requestId: `stores-step-${store.id}`, clientIp: null, userAgent: null },
        store.id,
      );
    } catch {
      throw new ServiceUnavailableError(
        'The hardware service cannot be reached to confirm allocated assets; try again shortly',
      );
    }
    if (summary.allocatedAssets < 1) {
      throw new BadUserInputError(
        'key',
        'Allocate at least one hardware asset to this store before marking hardware allocated',
      );
    }
  };
}
