// A command is done when the device reports its new state, not when the API answers: the hub
// accepts a command at once and reports the change as an event moments later (or, when its push
// is lost, hardware reads the device back). Until then the device shows the command as pending;
// past the API's `confirmBy` without the change, it says the command was not done.
import type { Client } from '@urql/core';
import { toast } from '$lib/ui/toast.svelte.js';
import { describeCommand, expectedChange, isConfirmed, type Attributes, type Expectation } from './command-feedback.js';
import { SendDeviceCommandMutation } from './devices.js';

export interface PendingCommand {
  /** In plain words, e.g. "Turn on". */
  action: string;
  expectation: Expectation | null;
  /** The hub's clock: an attribute updated at or after it is news. */
  sentAt: string;
  state: 'pending' | 'timedOut';
  seconds: number;
}

class PendingCommands {
  byDevice = $state<Record<string, PendingCommand>>({});
  #timers = new Map<string, ReturnType<typeof setTimeout>>();

  /**
   * Sends a command and tracks it until the device confirms it; a refusal is toasted at once.
   * Returns whether the hub accepted it.
   */
  async send(client: Client, device: { id: string; label: string }, command: string, args: string[] = []) {
    const result = await client.mutation(SendDeviceCommandMutation, { deviceId: device.id, command, args }).toPromise();
    if (!toast.result(result, undefined, `${device.label}: `) || !result.data) return false;
    const { sentAt, confirmBy } = result.data.sendDeviceCommand;
    // The wait is measured here, from the answer: this browser's clock need not match the server's.
    const waitMs = Math.max(0, new Date(confirmBy).getTime() - new Date(sentAt).getTime());
    this.settle(device.id);
    this.byDevice[device.id] = {
      action: describeCommand(command, args),
      expectation: expectedChange(command, args),
      sentAt,
      state: 'pending',
      seconds: Math.round(waitMs / 1000),
    };
    this.#timers.set(
      device.id,
      setTimeout(() => {
        const pending = this.byDevice[device.id];
        if (pending?.state === 'pending') this.byDevice[device.id] = { ...pending, state: 'timedOut' };
      }, waitMs),
    );
    return true;
  }

  /**
   * Called with the device's current state: a command it shows done is settled, also one already
   * reported as timed out (the change came late; the message would no longer be true).
   */
  check(deviceId: string, attributes: Attributes) {
    const pending = this.byDevice[deviceId];
    if (pending && isConfirmed(pending, attributes)) this.settle(deviceId);
  }

  settle(deviceId: string) {
    clearTimeout(this.#timers.get(deviceId));
    this.#timers.delete(deviceId);
    delete this.byDevice[deviceId];
  }
}

export const pendingCommands = new PendingCommands();
