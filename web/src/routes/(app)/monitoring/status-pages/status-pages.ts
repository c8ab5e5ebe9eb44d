// Status pages: the operator's side (the public page is src/routes/status/[slug]).
import { graphql } from '$lib/graphql/generated/index.js';

export const StatusPageFieldsFragment = graphql(`
  fragment StatusPageFields on StatusPage {
    id
    slug
    title
    description
    published
    components {
      subject
      displayName
    }
  }
`);

export const StatusPagesQuery = graphql(`
  query MonitoringStatusPages {
    statusPages {
      ...StatusPageFields
    }
    services {
      name
      displayName
      kind
    }
  }
`);

export const CreateStatusPageMutation = graphql(`
  mutation CreateStatusPage($input: StatusPageInput!) {
    createStatusPage(input: $input) {
      ...StatusPageFields
    }
  }
`);

export const UpdateStatusPageMutation = graphql(`
  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {
    updateStatusPage(id: $id, input: $input) {
      ...StatusPageFields
    }
  }
`);

export const DeleteStatusPageMutation = graphql(`
  mutation DeleteStatusPage($id: ID!) {
    deleteStatusPage(id: $id)
  }
`);

/** A title as a slug suggestion: "Shops North" → "shops-north". */
export const slugOf = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
