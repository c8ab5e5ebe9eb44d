import { graphql } from '$lib/graphql/generated/index.js';
import type { StoreNoteFieldsFragment } from '$lib/graphql/generated/graphql.js';

export const StoreNoteFields = graphql(`
  fragment StoreNoteFields on StoreNote {
    id
    body
    createdAt
    author {
      kind
      user {
        id
        displayName
      }
    }
  }
`);

/** How many notes the tab shows at first and adds with each "Load more". */
export const NOTES_PAGE = 20;

export const StoreNotesQuery = graphql(`
  query StoreNotes($id: ID!, $first: Int, $after: String) {
    store(id: $id) {
      id
      notes(first: $first, after: $after) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          node {
            ...StoreNoteFields
          }
        }
      }
    }
  }
`);

export const AddStoreNoteMutation = graphql(`
  mutation AddStoreNote($storeId: ID!, $body: String!) {
    addStoreNote(storeId: $storeId, body: $body) {
      ...StoreNoteFields
    }
  }
`);

export const DeleteStoreNoteMutation = graphql(`
  mutation DeleteStoreNote($id: ID!) {
    deleteStoreNote(id: $id)
  }
`);

/** As the API counts it: trimmed, at most this many characters. */
export const MAX_NOTE_LENGTH = 4000;

export function authorName(note: StoreNoteFieldsFragment): string {
  return note.author.user?.displayName ?? (note.author.kind === 'SYSTEM' ? 'Switchyard' : 'an API key');
}

/** The API lets the author (the same user) or an admin delete a note; the button shows for them only. */
export function canDelete(note: StoreNoteFieldsFragment, user: { id: string; role: string } | null): boolean {
  return user !== null && (user.role === 'ADMIN' || note.author.user?.id === user.id);
}
