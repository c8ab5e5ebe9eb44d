import { graphql } from '$lib/graphql/generated/index.js';

export const AddHouseholdMemberMutation = graphql(`
  mutation AddHouseholdMember($householdId: ID!, $userId: ID!) {
    addHouseholdMember(householdId: $householdId, userId: $userId) {
      ...HouseholdFields
    }
  }
`);

export const RemoveHouseholdMemberMutation = graphql(`
  mutation RemoveHouseholdMember($householdId: ID!, $userId: ID!) {
    removeHouseholdMember(householdId: $householdId, userId: $userId) {
      ...HouseholdFields
    }
  }
`);

/** Admins pick whom to add from the user list (identity shows it to admins only). */
export const HouseholdCandidatesQuery = graphql(`
  query HouseholdCandidates {
    users(first: 100) {
      edges {
        node {
          id
          displayName
          email
          deactivatedAt
        }
      }
    }
  }
`);

export const SetHouseholdAislesMutation = graphql(`
  mutation SetHouseholdAisles($aisles: [String!]!) {
    setHouseholdAisles(aisles: $aisles) {
      id
      aisles
    }
  }
`);

/** The household's units preference (shopping lists and recipe amounts). */
export const SetHouseholdUnitsPreferenceMutation = graphql(`
  mutation SetHouseholdUnitsPreference($units: MeasurementSystem!) {
    setHouseholdUnits(units: $units) {
      id
      units
    }
  }
`);
