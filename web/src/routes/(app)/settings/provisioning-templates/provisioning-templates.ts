import { graphql } from '$lib/graphql/generated/index.js';
import type { ProvisioningTemplateStepInput, StoreType } from '$lib/graphql/generated/graphql.js';

export const ProvisioningTemplateFieldsFragment = graphql(`
  fragment ProvisioningTemplateFields on ProvisioningTemplate {
    storeType
    version
    steps {
      key
      title
      required
    }
    createdAt
    createdBy {
      id
      displayName
    }
  }
`);

export const ProvisioningTemplatesQuery = graphql(`
  query ProvisioningTemplates {
    provisioningTemplates {
      ...ProvisioningTemplateFields
    }
  }
`);

export const ProvisioningTemplateHistoryQuery = graphql(`
  query ProvisioningTemplateHistory($storeType: StoreType!) {
    provisioningTemplateHistory(storeType: $storeType) {
      ...ProvisioningTemplateFields
    }
  }
`);

export const PublishProvisioningTemplateMutation = graphql(`
  mutation PublishProvisioningTemplate(
    $storeType: StoreType!
    $steps: [ProvisioningTemplateStepInput!]!
    $expectedVersion: Int!
  ) {
    publishProvisioningTemplate(storeType: $storeType, steps: $steps, expectedVersion: $expectedVersion) {
      ...ProvisioningTemplateFields
    }
  }
`);

/** "FLAGSHIP" → "Flagship". */
export const storeTypeLabel = (type: StoreType) => type.charAt(0) + type.slice(1).toLowerCase();

/** One step as the editor holds it; `id` keys the row while it moves, `keyEdited` stops deriving the key from the title. */
export interface DraftStep {
  id: number;
  key: string;
  title: string;
  required: boolean;
  keyEdited: boolean;
}

let nextId = 0;
export function draftStep(step: { key: string; title: string; required: boolean } | null = null): DraftStep {
  nextId += 1;
  return step
    ? { id: nextId, ...step, keyEdited: true }
    : { id: nextId, key: '', title: '', required: true, keyEdited: false };
}

/** A key the API accepts, from a title: "POS tested!" → "pos-tested" (at most 40 characters). */
export function keyFrom(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** The list with the step at `index` moved by `delta` places (unchanged at either end). */
export function moved<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}

export function stepsInput(steps: readonly DraftStep[]): ProvisioningTemplateStepInput[] {
  return steps.map(({ key, title, required }) => ({ key: key.trim(), title, required }));
}
