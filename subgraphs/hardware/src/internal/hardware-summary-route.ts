import type { Router } from 'express';
import type { AssetRepository } from '../data/asset-repository.ts';
import type { DeviceRepository } from '../data/device-repository.ts';

/**
 * For the stores subgraph (behind the gateway signature): what hardware a store has, so its
 * "hardware allocated" provisioning step can be gated on it. Not a GraphQL field, so it does not
 * appear in the public graph.
 */
export const HARDWARE_SUMMARY_PATH = '/internal/stores/:storeId/hardware-summary';

export interface HardwareSummary {
  allocatedAssets: number;
  hubs: number;
  devices: number;
}

export function mountHardwareSummaryRoute(router: Router, { assets, devices }: { assets: AssetRepository; devices: DeviceRepository }): void {
  router.get(HARDWARE_SUMMARY_PATH, async (req, res, next) => {
    const { storeId } = req.params;
    if (!storeId || storeId.length > 100) {
      res.status(400).json({ error: 'expected a store id' });
      return;
    }
    try {
      const [allocatedAssets, { hubs, devices: deviceCount }] = await Promise.all([assets.countAllocatedTo(storeId), devices.summaryForStore(storeId)]);
      const summary: HardwareSummary = { allocatedAssets, hubs, devices: deviceCount };
      res.json(summary);
    } catch (error) {
      next(error);
    }
  });
}
