import { validateCommand } from './device-commands.ts';
import type { DeviceCommandSpec } from './types.ts';

const commands: DeviceCommandSpec[] = [
  { name: 'on', arguments: [] },
  { name: 'setLevel', arguments: ['NUMBER', 'NUMBER'] },
  { name: 'setThermostatMode', arguments: ['ENUM'] },
  { name: 'setColor', arguments: ['JSON_OBJECT'] },
  { name: 'customScene', arguments: ['STRING', 'NUMBER'] },
];

function refusal(command: string, args: string[]) {
  try {
    validateCommand(commands, command, args);
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  throw new Error('expected a refusal');
}

describe('validateCommand', () => {
  it('accepts the declared commands with their arguments, trailing optional ones left out', () => {
    expect(validateCommand(commands, 'on', []).name).toBe('on');
    expect(validateCommand(commands, 'setLevel', ['40']).name).toBe('setLevel');
    expect(validateCommand(commands, 'setLevel', ['40', '2']).name).toBe('setLevel');
    expect(validateCommand(commands, 'setColor', ['{"hue":10}']).name).toBe('setColor');
    expect(validateCommand(commands, 'customScene', ['evening', '3']).name).toBe('customScene');
  });

  it('refuses an unknown command naming the field', () => {
    expect(refusal('explode', [])).toEqual({ code: 'BAD_USER_INPUT', field: 'command' });
  });

  it('refuses too few or too many arguments', () => {
    expect(refusal('setLevel', [])).toMatchObject({ field: 'args' });
    expect(refusal('setLevel', ['1', '2', '3'])).toMatchObject({ field: 'args' });
    expect(refusal('on', ['1'])).toMatchObject({ field: 'args' });
    // Not a known capability command: every declared argument is required.
    expect(refusal('customScene', ['evening'])).toMatchObject({ field: 'args' });
  });

  it('checks numbers and JSON objects, and refuses empty values', () => {
    expect(refusal('setLevel', ['bright'])).toMatchObject({ field: 'args.0' });
    expect(refusal('setLevel', ['40', 'soon'])).toMatchObject({ field: 'args.1' });
    expect(refusal('setColor', ['[1,2]'])).toMatchObject({ field: 'args.0' });
    expect(refusal('setThermostatMode', [''])).toMatchObject({ field: 'args.0' });
  });
});
