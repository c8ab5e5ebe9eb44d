import { graphql } from '$lib/graphql/generated/index.js';

export const DeviceQuery = graphql(`
  query Device($id: ID!) {
    device(id: $id) {
      ...DeviceTile
      hubDeviceId
      lastEventAt
    }
  }
`);

/**
 * Persisted history, newest first, of one attribute or all; the cache drops it on each event of the
 * device, so it refetches.
 */
export const DeviceEventsQuery = graphql(`
  query DeviceEvents($id: ID!, $first: Int, $name: String) {
    device(id: $id) {
      id
      events(first: $first, name: $name) {
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            name
            value
            unit
            description
            source
            receivedAt
            sentBy {
              kind
              user {
                id
                displayName
              }
            }
          }
        }
      }
    }
  }
`);
