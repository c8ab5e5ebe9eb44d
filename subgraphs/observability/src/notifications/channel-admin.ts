import {
  BadUserInputError,
  NotFoundError,
  httpUrl,
  parseInput,
  privateTargetAllowance,
  resolveAllowedAddress,
  isUuid,
  type Principal,
} from '@switchyard/shared';
import type { ObservabilityConfig } from '../config.ts';
import type { ChannelRepository } from '../data/repositories.ts';
import {
  notificationChannelInputSchema,
  notificationChannelPatchSchema,
  patchProblem,
} from '../domain/notification-channels.ts';
import type { Notifier } from '../jobs/notifier.ts';

/** What the channel mutations do: input checked per kind, URLs by the webhooks' outbound policy. */
export function createChannelAdmin(
  channels: ChannelRepository,
  notifier: Notifier,
  settings: ObservabilityConfig['webhooks'],
) {
  const allowPrivate = privateTargetAllowance(settings.allowedPrivateTargets);

  /** Refuses what delivery would refuse: not http(s), or a private address not allowed (WEBHOOK_ALLOWED_PRIVATE_TARGETS). */
  async function checkUrl(url: string, field: string): Promise<void> {
    await resolveAllowedAddress(httpUrl(url, field).hostname, field, allowPrivate);
  }

  async function existing(id: string) {
    const channel = isUuid(id) ? await channels.findById(id) : null;
    if (!channel) throw new NotFoundError('NotificationChannel', id);
    return channel;
  }

  return {
    list: () => channels.list(),

    async create(principal: Principal, input: unknown) {
      const parsed = parseInput(notificationChannelInputSchema, input, 'input');
      if (parsed.url) await checkUrl(parsed.url, 'input.url');
      return channels.create({ ...parsed, createdBy: principal.userId });
    },

    async update(principal: Principal, id: string, input: unknown) {
      const channel = await existing(id);
      const patch = parseInput(notificationChannelPatchSchema, input, 'input');
      const problem = patchProblem(channel.kind, patch);
      if (problem) throw new BadUserInputError(`input.${problem.field}`, problem.message);
      if (patch.url !== undefined) await checkUrl(patch.url, 'input.url');
      const updated = await channels.update(channel.id, patch);
      // A channel imported from the environment is trusted with private addresses; once someone
      // points it elsewhere it is theirs, under the policy like any other.
      return patch.url !== undefined && updated.createdBy === null
        ? channels.claim(updated.id, principal.userId)
        : updated;
    },

    delete: (id: string) => (isUuid(id) ? channels.delete(id) : Promise.resolve(false)),

    async sendTest(id: string) {
      return notifier.sendTest(await existing(id));
    },

    /** Unknown ids in a rule's channel list are BAD_USER_INPUT on `field`. */
    async checkChannelIds(ids: readonly string[] | undefined, field: string): Promise<void> {
      if (!ids?.length) return;
      const found = new Set((await channels.findManyByIds(ids.filter((id) => isUuid(id)))).map((c) => c.id));
      const unknown = ids.filter((id) => !found.has(id));
      if (unknown.length > 0) throw new BadUserInputError(field, `No such notification channel: ${unknown.join(', ')}`);
    },
  };
}

export type ChannelAdmin = ReturnType<typeof createChannelAdmin>;
