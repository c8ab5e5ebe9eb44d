// A device command as the scene and schedule forms edit it: plain functions, no Svelte.
import type { CommandTargetsQuery } from '$lib/graphql/generated/graphql.js';

export type CommandTarget = CommandTargetsQuery['devices']['edges'][number]['node'];

export interface CommandDraft {
  deviceId: string;
  command: string;
  arguments: string[];
}

export const emptyCommand = (): CommandDraft => ({ deviceId: '', command: '', arguments: [] });

/** The argument types the chosen command declares ([] when nothing is chosen). */
export function argumentTypes(devices: readonly CommandTarget[], draft: CommandDraft): string[] {
  const device = devices.find((d) => d.id === draft.deviceId);
  return device?.commands.find((c) => c.name === draft.command)?.arguments ?? [];
}

/**
 * What is sent: trailing empty arguments are left out, so optional ones (setLevel's duration) can
 * stay blank; the API says which are required.
 */
export function commandInput(draft: CommandDraft): CommandDraft {
  const args = draft.arguments.map((a) => a.trim());
  while (args.length > 0 && args.at(-1) === '') args.pop();
  return { deviceId: draft.deviceId, command: draft.command, arguments: args };
}

/** e.g. "Kitchen Dimmer: setLevel 30" */
export function describeAction(label: string, command: string, args: readonly string[]): string {
  return `${label}: ${command}${args.length > 0 ? ` ${args.join(', ')}` : ''}`;
}
