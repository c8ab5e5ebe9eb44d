// The hardware inventory: documents for listing, receiving, correcting and moving assets through
// their life, shared by the inventory pages, the new-store wizard and a store's Hardware tab.
import { graphql } from '$lib/graphql/generated/index.js';
import type { AssetKind, AssetStatus } from '$lib/graphql/generated/graphql.js';

export const AssetDetailFragment = graphql(`
  fragment AssetDetail on Asset {
    ...AssetSummary
    notes
    createdAt
    updatedAt
    store {
      id
      name
      code
    }
  }
`);

export const AssetsQuery = graphql(`
  query Assets($filter: AssetFilter, $first: Int, $after: String) {
    assets(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...AssetDetail
        }
      }
    }
  }
`);

/**
 * Every period the asset spent at a store, newest first. The actions that can end one select it
 * too, so the history on screen is the API's, and the cache knows which store's list to refresh.
 */
export const AssetHistoryFragment = graphql(`
  fragment AssetHistory on Asset {
    allocations {
      store {
        id
        name
        code
      }
      allocatedAt
      allocatedBy
      releasedAt
      releasedBy
    }
  }
`);

export const AssetQuery = graphql(`
  query Asset($id: ID!) {
    asset(id: $id) {
      ...AssetDetail
      ...AssetHistory
    }
  }
`);

export const CreateAssetMutation = graphql(`
  mutation CreateAsset($input: CreateAssetInput!, $idempotencyKey: String) {
    createAsset(input: $input, idempotencyKey: $idempotencyKey) {
      ...AssetDetail
    }
  }
`);

export const UpdateAssetMutation = graphql(`
  mutation UpdateAsset($id: ID!, $input: UpdateAssetInput!) {
    updateAsset(id: $id, input: $input) {
      ...AssetDetail
    }
  }
`);

export const AllocateAssetMutation = graphql(`
  mutation AllocateAsset($assetId: ID!, $storeId: ID!) {
    allocateAsset(assetId: $assetId, storeId: $storeId) {
      ...AssetSummary
    }
  }
`);

/** The newest allocation names the store the asset came back from (cache/stores.ts refetches its list). */
export const ReleaseAssetMutation = graphql(`
  mutation ReleaseAsset($assetId: ID!) {
    releaseAsset(assetId: $assetId) {
      ...AssetSummary
      allocations {
        store {
          id
        }
        allocatedAt
        releasedAt
      }
    }
  }
`);

export const MarkAssetFaultyMutation = graphql(`
  mutation MarkAssetFaulty($assetId: ID!, $notes: String) {
    markAssetFaulty(assetId: $assetId, notes: $notes) {
      ...AssetDetail
      ...AssetHistory
    }
  }
`);

export const RetireAssetMutation = graphql(`
  mutation RetireAsset($assetId: ID!) {
    retireAsset(assetId: $assetId) {
      ...AssetDetail
      ...AssetHistory
    }
  }
`);

export const ReleaseStoreAssetsMutation = graphql(`
  mutation ReleaseStoreAssets($storeId: ID!) {
    releaseStoreAssets(storeId: $storeId) {
      ...AssetSummary
    }
  }
`);

/** Stores to pick from by name: for the inventory's store filter (all) and allocation (those not decommissioned). */
export const StoreChoicesQuery = graphql(`
  query StoreChoices($statuses: [StoreStatus!]) {
    stores(filter: { statuses: $statuses }, first: 200) {
      edges {
        node {
          id
          code
          name
          status
        }
      }
    }
  }
`);

export const ASSET_KINDS: AssetKind[] = [
  'POS_TERMINAL',
  'ROUTER',
  'SWITCH',
  'ACCESS_POINT',
  'CAMERA',
  'PRINTER',
  'HUB',
  'OTHER',
];

/** "POS_TERMINAL" → "POS terminal". */
export function kindLabel(kind: AssetKind): string {
  const words = kind.toLowerCase().replace(/_/g, ' ');
  return words.startsWith('pos ') ? `POS ${words.slice(4)}` : words.charAt(0).toUpperCase() + words.slice(1);
}

export const ASSET_STATUSES: AssetStatus[] = ['IN_STOCK', 'ALLOCATED', 'FAULTY', 'RETIRED'];

/** "IN_STOCK" → "In stock". */
export function statusLabel(status: AssetStatus): string {
  const words = status.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What each action starts from (the API's rules, so buttons that would be refused are not shown). */
export const CAN: Record<'allocate' | 'release' | 'markFaulty' | 'retire', readonly AssetStatus[]> = {
  allocate: ['IN_STOCK'],
  release: ['ALLOCATED'],
  markFaulty: ['IN_STOCK', 'ALLOCATED'],
  retire: ['IN_STOCK', 'ALLOCATED', 'FAULTY'],
};

export interface AssetValues {
  kind: AssetKind;
  serialNumber: string;
  model: string;
  vendor: string;
  notes: string;
}

export const ASSET_FIELDS = ['kind', 'serialNumber', 'model', 'vendor', 'notes'] as const;
export type AssetField = (typeof ASSET_FIELDS)[number];

export const blankAsset = (kind: AssetKind = 'POS_TERMINAL'): AssetValues => ({
  kind,
  serialNumber: '',
  model: '',
  vendor: '',
  notes: '',
});

/** What the API takes: trimmed, empty notes as null. */
export function assetInput(values: AssetValues) {
  return {
    kind: values.kind,
    serialNumber: values.serialNumber.trim(),
    model: values.model.trim(),
    vendor: values.vendor.trim(),
    notes: values.notes.trim() || null,
  };
}
