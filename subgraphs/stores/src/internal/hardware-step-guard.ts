import { BadUserInputError, ServiceUnavailableError, type InternalClient } from '@switchyard/shared';
import type { StepGuard } from '../domain/provisioning.ts';

interface HardwareSummary {
  allocatedAssets: number;
}

/**
 * "Hardware allocated" is true when the hardware subgraph, which owns assets, has at least one
 * allocated to the store: asked at completion time over its signed internal route.
 */
export function hardwareAllocatedGuard(client: InternalClient, hardwareGraphqlUrl: string): StepGuard {
  return async (store) => {
    const url = new URL(`/internal/stores/${encodeURIComponent(store.id)}/hardware-summary`, hardwareGraphqlUrl).toString();
    let summary: HardwareSummary;
    try {
      summary = await client.callJson<HardwareSummary>(url, { principal: null, requestId: `stores-step-${store.id}`, clientIp: null, userAgent: null });
    } catch {
      throw new ServiceUnavailableError('The hardware service cannot be reached to confirm allocated assets; try again shortly');
    }
    if (summary.allocatedAssets < 1) {
      throw new BadUserInputError('key', 'Allocate at least one hardware asset to this store (allocateAsset) before marking hardware allocated');
    }
  };
}
