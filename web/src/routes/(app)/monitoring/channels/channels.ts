// The notification channels tab: where alert notifications go, and a test send per channel.
import { graphql } from '$lib/graphql/generated/index.js';

export const NotificationChannelFieldsFragment = graphql(`
  fragment NotificationChannelFields on NotificationChannel {
    id
    name
    kind
    target
    hasSecret
    enabled
    createdAt
    lastTest {
      at
      ok
      httpStatus
      error
    }
  }
`);

export const NotificationChannelsQuery = graphql(`
  query MonitoringNotificationChannels {
    notificationChannels {
      ...NotificationChannelFields
    }
  }
`);

export const CreateNotificationChannelMutation = graphql(`
  mutation CreateNotificationChannel($input: NotificationChannelInput!) {
    createNotificationChannel(input: $input) {
      ...NotificationChannelFields
    }
  }
`);

export const UpdateNotificationChannelMutation = graphql(`
  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelPatch!) {
    updateNotificationChannel(id: $id, input: $input) {
      ...NotificationChannelFields
    }
  }
`);

export const DeleteNotificationChannelMutation = graphql(`
  mutation DeleteNotificationChannel($id: ID!) {
    deleteNotificationChannel(id: $id)
  }
`);

export const SendTestNotificationMutation = graphql(`
  mutation SendTestNotification($id: ID!) {
    sendTestNotification(id: $id) {
      at
      ok
      httpStatus
      error
    }
  }
`);

/** What each kind asks for, in the dialog's words. */
export const CHANNEL_KINDS = {
  SLACK: {
    label: 'Slack-compatible webhook',
    urlHint: 'The incoming webhook URL (Slack, Mattermost, Rocket.Chat, Discord’s …/slack URL).',
    secret: null,
  },
  NTFY: {
    label: 'ntfy',
    urlHint: 'The topic URL, e.g. https://ntfy.sh/my-shop-alerts.',
    secret: { label: 'Access token', hint: 'Optional: for a protected topic.', required: false },
  },
  WEBHOOK: {
    label: 'Signed webhook',
    urlHint: 'Receives JSON signed with the secret (the x-switchyard-signature header).',
    secret: { label: 'Signing secret', hint: 'At least 16 characters; the receiver verifies with it.', required: true },
  },
  EMAIL: { label: 'Email', urlHint: '', secret: null },
} as const;
