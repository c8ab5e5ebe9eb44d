import { graphql } from '$lib/graphql/generated/index.js';

export const AssetImportTemplateQuery = graphql(`
  query AssetImportTemplate {
    assetImportTemplate
  }
`);
export const ImportAssetsMutation = graphql(`
  mutation ImportAssets($csv: String!, $apply: Boolean) {
    importAssets(csv: $csv, apply: $apply) {
      valid
      rowCount
      errors {
        row
        column
        code
        message
      }
      created {
        id
        serialNumber
        model
      }
    }
  }
`);
