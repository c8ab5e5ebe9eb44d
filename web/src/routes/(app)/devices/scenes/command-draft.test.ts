import { describe, expect, it } from '@jest/globals';
import { argumentTypes, commandInput, describeAction, type CommandTarget } from './command-draft.ts';

const dimmer = {
  id: 'd1',
  label: 'Kitchen Dimmer',
  hub: { id: 'h1', name: 'Home' },
  commands: [
    { name: 'on', arguments: [] },
    { name: 'setLevel', arguments: ['NUMBER', 'NUMBER'] },
  ],
} as CommandTarget;

describe('command drafts', () => {
  it('knows the chosen command’s argument types', () => {
    expect(argumentTypes([dimmer], { deviceId: 'd1', command: 'setLevel', arguments: [] })).toEqual([
      'NUMBER',
      'NUMBER',
    ]);
    expect(argumentTypes([dimmer], { deviceId: 'd2', command: 'setLevel', arguments: [] })).toEqual([]);
  });

  it('leaves trailing blank arguments out', () => {
    expect(commandInput({ deviceId: 'd1', command: 'setLevel', arguments: [' 30 ', ''] }).arguments).toEqual(['30']);
  });

  it('describes an action in one line', () => {
    expect(describeAction('Kitchen Dimmer', 'setLevel', ['30'])).toBe('Kitchen Dimmer: setLevel 30');
    expect(describeAction('Porch Light', 'on', [])).toBe('Porch Light: on');
  });
});
