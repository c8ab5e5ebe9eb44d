import { BadUserInputError } from '@switchyard/shared';

/*
 * A hub's location-level state: its mode, Hubitat Safety Monitor (HSM) and hub variables, and how
 * the hub reports changes of them. HSM speaks through location events (Hubitat's "HSM API" for
 * apps): `hsmStatus` (armedAway, armingAway, armedHome, armingHome, armedNight, armingNight,
 * disarmed, allDisarmed), `hsmAlert` (intrusion, intrusion-home, intrusion-night, smoke, water,
 * rule, arming, cancel); a hub variable's change is the location event `variable:<name>`.
 */

export type HubEventKind = 'MODE' | 'HSM_STATUS' | 'HSM_ALERT' | 'VARIABLE';

export type HsmStatus =
  | 'ARMED_AWAY'
  | 'ARMING_AWAY'
  | 'ARMED_HOME'
  | 'ARMING_HOME'
  | 'ARMED_NIGHT'
  | 'ARMING_NIGHT'
  | 'DISARMED'
  | 'ALL_DISARMED'
  | 'UNKNOWN';

export type HsmCommand = 'ARM_AWAY' | 'ARM_HOME' | 'ARM_NIGHT' | 'DISARM';

export type HubVariableType = 'Number' | 'Decimal' | 'Boolean' | 'String' | 'DateTime';

const HSM_STATUSES: Record<string, HsmStatus> = {
  armedAway: 'ARMED_AWAY',
  armingAway: 'ARMING_AWAY',
  armedHome: 'ARMED_HOME',
  armingHome: 'ARMING_HOME',
  armedNight: 'ARMED_NIGHT',
  armingNight: 'ARMING_NIGHT',
  disarmed: 'DISARMED',
  allDisarmed: 'ALL_DISARMED',
};

/** The hub's wording (`armedAway`) as the API's enum; anything new or missing is UNKNOWN. */
export function hsmStatusOf(value: string | null | undefined): HsmStatus {
  return (value && HSM_STATUSES[value]) || 'UNKNOWN';
}

/** The Maker API path segment of each command: `hsm/<armAway|armHome|armNight|disarm>`. */
export const HSM_COMMAND_PATHS: Record<HsmCommand, string> = {
  ARM_AWAY: 'armAway',
  ARM_HOME: 'armHome',
  ARM_NIGHT: 'armNight',
  DISARM: 'disarm',
};

/** Whether an HSM status ends intrusion monitoring, so open intrusion alerts are over. */
export function isDisarmed(status: HsmStatus): boolean {
  return status === 'DISARMED' || status === 'ALL_DISARMED';
}

export interface LocationEvent {
  kind: HubEventKind;
  name: string;
  value: string | null;
}

const VARIABLE_PREFIX = 'variable:';

/**
 * What a location event (no deviceId) means to us, or null when it is none of our business
 * (sunrise, sunset, systemStart, hsmRules…).
 */
export function classifyLocationEvent(name: string, value: string | null): LocationEvent | null {
  if (name === 'mode') return { kind: 'MODE', name, value };
  if (name === 'hsmStatus') return { kind: 'HSM_STATUS', name, value };
  if (name === 'hsmAlert') return { kind: 'HSM_ALERT', name, value };
  if (name.startsWith(VARIABLE_PREFIX) && name.length > VARIABLE_PREFIX.length)
    return { kind: 'VARIABLE', name: name.slice(VARIABLE_PREFIX.length), value };
  return null;
}

/** The Maker API's lower-case type names (integer, bigdecimal…) as ours; unknown types are String. */
export function variableTypeOf(raw: string | null | undefined): HubVariableType {
  switch ((raw ?? '').toLowerCase()) {
    case 'integer':
    case 'number':
      return 'Number';
    case 'bigdecimal':
    case 'decimal':
      return 'Decimal';
    case 'boolean':
      return 'Boolean';
    case 'datetime':
      return 'DateTime';
    default:
      return 'String';
  }
}

const MAX_STRING = 1_000;

/**
 * Checks a new value against the variable's type and returns it as the hub expects it
 * (trimmed numbers, `true`/`false`, ISO date-times); a mismatch is BAD_USER_INPUT on `value`.
 */
export function normaliseVariableValue(type: HubVariableType, value: string): string {
  const bad = (message: string) => new BadUserInputError('value', message);
  const trimmed = value.trim();
  switch (type) {
    case 'Number':
      if (!/^-?\d{1,15}$/.test(trimmed)) throw bad('must be a whole number');
      return String(Number(trimmed));
    case 'Decimal':
      if (!/^-?\d{1,15}(\.\d{1,10})?$/.test(trimmed)) throw bad('must be a decimal number such as 21.5');
      return trimmed;
    case 'Boolean':
      if (!/^(true|false)$/i.test(trimmed)) throw bad('must be true or false');
      return trimmed.toLowerCase();
    case 'DateTime': {
      const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed) ? new Date(trimmed) : null;
      if (!at || Number.isNaN(at.getTime())) throw bad('must be an ISO 8601 date-time such as 2026-12-24T18:00:00Z');
      return at.toISOString();
    }
    case 'String':
      if (value.length > MAX_STRING) throw bad(`must be at most ${MAX_STRING} characters`);
      return value;
  }
}
