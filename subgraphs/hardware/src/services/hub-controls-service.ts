import { BadUserInputError, NotFoundError } from '@switchyard/shared';
import type { HubEventRecord, HubEventRepository, HubVariableRecord } from '../data/repositories.ts';
import {
  HSM_COMMAND_PATHS,
  normaliseVariableValue,
  variableTypeOf,
  type HsmCommand,
  type LocationEvent,
} from '../domain/hub-controls.ts';
import type { HubService } from './hub-service.ts';

export interface HubControlsDeps {
  hubService: Pick<HubService, 'callThrough'>;
  hubEvents: HubEventRepository;
  now?: () => Date;
}

export type HubControls = ReturnType<typeof createHubControls>;

/**
 * A hub's mode, HSM and hub variables through its Maker API. Changes are recorded when the hub
 * reports them (its location events) and when they are read back after a command or a poll, so a
 * lost push is repaired; the repository skips what is already stored, so both paths record once.
 */
export function createHubControls({ hubService, hubEvents, now = () => new Date() }: HubControlsDeps) {
  /** Reads mode, HSM status and variables from the hub and records what differs. */
  async function refresh(hubId: string): Promise<HubEventRecord[]> {
    // A hub without HSM, or an app without variables, answers 404 there: nothing to record. When the
    // hub is unreachable the modes read fails, and with it the refresh.
    const [modes, hsm, variables] = await Promise.all([
      hubService.callThrough(hubId, 'read', (client, signal) => client.modes(signal)),
      hubService.callThrough(hubId, 'read', (client, signal) => client.hsmStatus(signal)).catch(() => null),
      hubService.callThrough(hubId, 'read', (client, signal) => client.hubVariables(signal)).catch(() => []),
    ]);
    const active = modes.find((mode) => mode.active)?.name ?? null;
    const events: LocationEvent[] = [
      { kind: 'MODE', name: 'mode', value: active },
      ...(hsm === null ? [] : [{ kind: 'HSM_STATUS', name: 'hsmStatus', value: hsm } as const]),
      ...variables.map((v) => ({ kind: 'VARIABLE', name: v.name, value: v.value ?? null }) as const),
    ];
    const types = new Map(variables.map((v) => [v.name, variableTypeOf(v.type)] as const));
    const recorded = await hubEvents.record(hubId, events, now(), types);
    await hubEvents.forgetVariablesExcept(
      hubId,
      variables.map((v) => v.name),
    );
    return recorded;
  }

  return {
    refresh,

    /** The hub's modes, by name, as the Maker API lists them. */
    async modes(hubId: string): Promise<string[]> {
      return (await hubService.callThrough(hubId, 'read', (client, signal) => client.modes(signal))).map((m) => m.name);
    },

    /** Activates a mode by name; an unknown name is BAD_USER_INPUT on `mode`. */
    async setMode(hubId: string, mode: string): Promise<void> {
      const modes = await hubService.callThrough(hubId, 'read', (client, signal) => client.modes(signal));
      const target = modes.find((m) => m.name === mode);
      if (!target)
        throw new BadUserInputError('mode', `The hub has no mode "${mode}" (${modes.map((m) => m.name).join(', ')})`);
      await hubService.callThrough(hubId, 'command', (client, signal) => client.setMode(target.id, signal));
      await refresh(hubId);
    },

    async setHsm(hubId: string, command: HsmCommand): Promise<void> {
      await hubService.callThrough(hubId, 'command', (client, signal) =>
        client.setHsm(HSM_COMMAND_PATHS[command], signal),
      );
      await refresh(hubId);
    },

    /**
     * Sets a variable the Maker API app exposes, its value checked against its type first; an
     * unknown name is NOT_FOUND (the hub's list is read, so a variable added on the hub works at once).
     */
    async setVariable(hubId: string, name: string, value: string): Promise<HubVariableRecord> {
      const variables = await hubService.callThrough(hubId, 'read', (client, signal) => client.hubVariables(signal));
      const variable = variables.find((v) => v.name === name);
      if (!variable) throw new NotFoundError('HubVariable', name);
      const type = variableTypeOf(variable.type);
      const normalised = normaliseVariableValue(type, value);
      await hubService.callThrough(hubId, 'command', (client, signal) =>
        client.setHubVariable(name, normalised, signal),
      );
      await refresh(hubId);
      const stored = (await hubEvents.variables(hubId)).find((v) => v.name === name);
      return stored ?? { name, type, value: normalised, updatedAt: now() };
    },
  };
}
