import { graphql } from '$lib/graphql/generated/index.js';

export const StoreImportTemplateQuery = graphql(`
  query StoreImportTemplate {
    storeImportTemplate
  }
`);

/** A dry run (apply false) or the all-or-nothing import; problems come per row and column. */
export const ImportStoresMutation = graphql(`
  mutation ImportStores($csv: String!, $apply: Boolean) {
    importStores(csv: $csv, apply: $apply) {
      valid
      rowCount
      changeId
      errors {
        row
        column
        code
        message
      }
      created {
        ...StoreListItem
      }
    }
  }
`);
