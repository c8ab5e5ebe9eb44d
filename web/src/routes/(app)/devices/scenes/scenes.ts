import { graphql } from '$lib/graphql/generated/index.js';

export const SceneRunFieldsFragment = graphql(`
  fragment SceneRunFields on SceneRun {
    id
    trigger
    outcome
    late
    startedAt
    finishedAt
    scheduledFor
    results {
      position
      deviceLabel
      command
      arguments
      ok
      errorCode
      error
    }
  }
`);

export const SceneFieldsFragment = graphql(`
  fragment SceneFields on Scene {
    id
    name
    store {
      id
      name
    }
    actions {
      position
      command
      arguments
      device {
        id
        label
      }
    }
    lastRun {
      ...SceneRunFields
    }
  }
`);

export const ScenesQuery = graphql(`
  query Scenes {
    scenes {
      ...SceneFields
    }
  }
`);

/** What the action pickers offer: every device with its commands (first 200 by label). */
export const CommandTargetsQuery = graphql(`
  query CommandTargets {
    devices(first: 200) {
      edges {
        node {
          id
          label
          hub {
            id
            name
          }
          commands {
            name
            arguments
          }
        }
      }
    }
    stores(first: 200, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
          timezone
          latitude
          longitude
        }
      }
    }
  }
`);

export const CreateSceneMutation = graphql(`
  mutation CreateScene($input: SceneInput!) {
    createScene(input: $input) {
      ...SceneFields
    }
  }
`);

export const UpdateSceneMutation = graphql(`
  mutation UpdateScene($id: ID!, $input: SceneInput!) {
    updateScene(id: $id, input: $input) {
      ...SceneFields
    }
  }
`);

export const DeleteSceneMutation = graphql(`
  mutation DeleteScene($id: ID!) {
    deleteScene(id: $id)
  }
`);

export const RunSceneMutation = graphql(`
  mutation RunScene($id: ID!) {
    runScene(id: $id) {
      ...SceneRunFields
      scene {
        id
        lastRun {
          id
        }
      }
    }
  }
`);
