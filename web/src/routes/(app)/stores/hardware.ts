// Store hardware: the assets allocated to a store and the hubs and devices installed there (the
// hardware subgraph's fields on Store), and the inventory picker the wizard and the detail page share.
import type { Client } from '@urql/core';
import { errorMessage } from '$lib/graphql/errors.js';
import { graphql } from '$lib/graphql/generated/index.js';
import { AllocateAssetMutation } from '$lib/hardware/assets.js';
import type { AssetSummaryFragment as AssetSummary } from '$lib/graphql/generated/graphql.js';

export const AssetSummaryFragment = graphql(`
  fragment AssetSummary on Asset {
    id
    kind
    serialNumber
    model
    vendor
    status
    store {
      id
    }
  }
`);

export const StoreHardwareQuery = graphql(`
  query StoreHardware($id: ID!) {
    store(id: $id) {
      id
      assets {
        ...AssetSummary
        allocations {
          allocatedAt
          releasedAt
        }
      }
      hubs {
        id
        name
        status
        mode
        lastSeenAt
      }
      devices {
        id
        label
        name
        type
        room
        attributes {
          name
          value
        }
        hub {
          id
          name
          status
        }
      }
    }
  }
`);

/** IN_STOCK assets only: the ones allocateAsset accepts. */
export const AvailableAssetsQuery = graphql(`
  query AvailableAssets($search: String, $kind: AssetKind, $first: Int) {
    assets(filter: { status: IN_STOCK, search: $search, kind: $kind }, first: $first) {
      totalCount
      edges {
        node {
          ...AssetSummary
        }
      }
    }
  }
`);

/** An asset that could not be allocated, and the API's reason. */
export interface AllocationFailure {
  asset: AssetSummary;
  message: string;
}

/**
 * Allocates each asset to the store on its own: one taken by someone else meanwhile does not stop
 * the others. Returns the ones refused.
 */
export async function allocateAll(
  client: Client,
  storeId: string,
  assets: AssetSummary[],
): Promise<AllocationFailure[]> {
  const results = await Promise.all(
    assets.map(async (asset) => ({
      asset,
      result: await client.mutation(AllocateAssetMutation, { assetId: asset.id, storeId }).toPromise(),
    })),
  );
  return results
    .filter(({ result }) => result.error)
    .map(({ asset, result }) => ({ asset, message: errorMessage(result.error) }));
}

/** A device is online when its hub is and it does not report itself offline (Hubitat's healthStatus). */
export function deviceOnline(device: {
  hub: { status: string };
  attributes: { name: string; value?: string | null }[];
}): boolean {
  if (device.hub.status !== 'ONLINE') return false;
  const health = device.attributes.find((a) => a.name === 'healthStatus')?.value;
  return health == null || health.toLowerCase() !== 'offline';
}
