import { graphql } from '$lib/graphql/generated/index.js';

export const ScheduleFieldsFragment = graphql(`
  fragment ScheduleFields on Schedule {
    id
    name
    enabled
    scene {
      id
      name
    }
    device {
      id
      label
    }
    command
    arguments
    timing
    cron
    offsetMinutes
    timeZone
    latitude
    longitude
    store {
      id
      name
    }
    nextRunAt
    lastRun {
      ...SceneRunFields
    }
  }
`);

export const SchedulesQuery = graphql(`
  query Schedules {
    schedules {
      ...ScheduleFields
    }
    scenes {
      id
      name
    }
  }
`);

export const ScheduleRunsQuery = graphql(`
  query ScheduleRuns($id: ID!, $after: String) {
    schedule(id: $id) {
      id
      runs(first: 10, after: $after) {
        edges {
          node {
            ...SceneRunFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const CreateScheduleMutation = graphql(`
  mutation CreateSchedule($input: ScheduleInput!) {
    createSchedule(input: $input) {
      ...ScheduleFields
    }
  }
`);

export const UpdateScheduleMutation = graphql(`
  mutation UpdateSchedule($id: ID!, $input: ScheduleInput!) {
    updateSchedule(id: $id, input: $input) {
      ...ScheduleFields
    }
  }
`);

export const SetScheduleEnabledMutation = graphql(`
  mutation SetScheduleEnabled($id: ID!, $enabled: Boolean!) {
    setScheduleEnabled(id: $id, enabled: $enabled) {
      id
      enabled
      nextRunAt
    }
  }
`);

export const DeleteScheduleMutation = graphql(`
  mutation DeleteSchedule($id: ID!) {
    deleteSchedule(id: $id)
  }
`);
