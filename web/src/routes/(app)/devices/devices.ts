import { graphql } from '$lib/graphql/generated/index.js';

/** What a tile shows and what its controls need; the deviceEvent subscription selects the same attributes. */
export const DeviceTileFragment = graphql(`
  fragment DeviceTile on Device {
    id
    label
    name
    type
    room
    capabilities
    attributes {
      name
      value
      unit
      updatedAt
    }
    commands {
      name
      arguments
    }
    hub {
      id
      name
      status
    }
    store {
      id
      name
    }
  }
`);

export const DevicesQuery = graphql(`
  query Devices($filter: DeviceFilter, $first: Int) {
    devices(filter: $filter, first: $first) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...DeviceTile
        }
      }
    }
  }
`);

export const SendDeviceCommandMutation = graphql(`
  mutation SendDeviceCommand($deviceId: ID!, $command: String!, $args: [String!]) {
    sendDeviceCommand(deviceId: $deviceId, command: $command, args: $args) {
      command
      arguments
      sentAt
      confirmBy
      device {
        id
      }
    }
  }
`);

/**
 * Every device event, with the device's attributes as tiles and the detail page select them: the
 * cache writes them onto Device:<id>, so every view showing the device updates.
 */
export const DeviceEventSubscription = graphql(`
  subscription DeviceEventLive($deviceId: ID, $hubId: ID) {
    deviceEvent(deviceId: $deviceId, hubId: $hubId) {
      id
      name
      value
      unit
      source
      receivedAt
      device {
        id
        attributes {
          name
          value
          unit
          updatedAt
        }
      }
    }
  }
`);

/** A hub going OFFLINE, UNAUTHORIZED or back ONLINE: the cache updates Hub:<id> for tiles and the hubs list. */
export const HubStatusSubscription = graphql(`
  subscription HubStatusLive($hubId: ID) {
    hubStatusChanged(hubId: $hubId) {
      status
      previousStatus
      changedAt
      hub {
        id
        status
        lastSeenAt
        mode
      }
    }
  }
`);
