// The monitors tab: user-defined checks (HTTP, TCP, DNS, ping, push). A monitor's results are a
// service state named monitor:<id>, so its status, uptime and checks are the health matrix's fields.
import { graphql } from '$lib/graphql/generated/index.js';

export const MonitorFieldsFragment = graphql(`
  fragment MonitorFields on Monitor {
    id
    name
    kind
    target
    port
    dnsRecordType
    dnsExpected
    intervalSeconds
    timeoutMs
    retries
    enabled
    certificateExpiresAt
    createdAt
    updatedAt
    store {
      id
      name
      code
    }
    http {
      method
      expectedStatusMin
      expectedStatusMax
      keyword
      jsonPath
      jsonExpected
      followRedirects
      certificateExpiryDays
      ignoreTls
    }
    status {
      ...ServiceStatusFields
    }
  }
`);

/** The list, each with its checks since `from` for the strip. */
export const MonitorsQuery = graphql(`
  query Monitors($storeId: ID, $from: DateTime!) {
    monitors(storeId: $storeId) {
      ...MonitorFields
      status {
        name
        recent: history(from: $from) {
          ...ServiceCheckFields
        }
      }
    }
  }
`);

/** One monitor with its push URL (null for viewers) and checks since `from`. */
export const MonitorQuery = graphql(`
  query Monitor($id: ID!, $from: DateTime!) {
    monitor(id: $id) {
      ...MonitorFields
      pushUrl
      status {
        name
        recent: history(from: $from) {
          ...ServiceCheckFields
        }
      }
    }
  }
`);

export const CreateMonitorMutation = graphql(`
  mutation CreateMonitor($input: MonitorInput!) {
    createMonitor(input: $input) {
      ...MonitorFields
      pushUrl
    }
  }
`);

export const UpdateMonitorMutation = graphql(`
  mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {
    updateMonitor(id: $id, input: $input) {
      ...MonitorFields
    }
  }
`);

export const DeleteMonitorMutation = graphql(`
  mutation DeleteMonitor($id: ID!) {
    deleteMonitor(id: $id)
  }
`);

export const RotatePushUrlMutation = graphql(`
  mutation RotatePushUrl($id: ID!) {
    rotatePushUrl(id: $id) {
      id
      pushUrl
    }
  }
`);

export const CheckMonitorNowMutation = graphql(`
  mutation CheckMonitorNow($id: ID!) {
    checkMonitorNow(id: $id) {
      ...MonitorFields
    }
  }
`);
