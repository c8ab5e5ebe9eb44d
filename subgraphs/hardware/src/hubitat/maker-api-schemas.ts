import { z } from 'zod';
import type { DeviceCommandSpec } from '../domain/types.ts';

/**
 * The Maker API's JSON as real hubs send it, parsed leniently: firmware versions differ (commands
 * as `[{ "command": "on" }]` or `["on"]`; capabilities mixing names with attribute descriptors;
 * ids as strings or numbers), and one odd device must not fail a whole import.
 */
const id = z.union([z.string(), z.number()]).transform(String);
const value = z
  .union([z.string(), z.number(), z.boolean()])
  .nullable()
  .transform((v) => (v === null ? null : String(v)));

const commandEntry = z.union([
  z.string().transform((name) => ({ name, types: null as string[] | null })),
  z
    .object({ command: z.string(), type: z.array(z.string()).nullish() })
    .transform((c) => ({ name: c.command, types: c.type ?? null })),
]);

export const detailedDeviceSchema = z.object({
  id,
  name: z.string(),
  label: z.string().nullish(),
  type: z.string().nullish(),
  room: z.string().nullish(),
  capabilities: z
    .array(z.unknown())
    .default([])
    .transform((list) => list.filter((c): c is string => typeof c === 'string')),
  attributes: z
    .union([
      z.record(z.string(), value.optional()),
      z
        .array(z.object({ name: z.string(), currentValue: value.optional() }))
        .transform((list) => Object.fromEntries(list.map((a) => [a.name, a.currentValue ?? null]))),
    ])
    .default({}),
  commands: z.array(commandEntry).default([]),
});
export type DetailedDevice = z.output<typeof detailedDeviceSchema>;

export const devicesAllSchema = z.array(detailedDeviceSchema);

/** `devices/<id>/commands`: `[{ "command": "setLevel", "type": ["NUMBER", "NUMBER"] }]`, no-argument commands as `["n/a"]`. */
export const deviceCommandsSchema = z
  .array(commandEntry)
  .transform((list): DeviceCommandSpec[] =>
    list.map((c) => ({ name: c.name, arguments: (c.types ?? []).filter((t) => t.toLowerCase() !== 'n/a') })),
  );

export const modesSchema = z.array(z.object({ id, name: z.string(), active: z.boolean() }));
export type MakerApiMode = z.output<typeof modesSchema>[number];

export const hsmSchema = z.object({ hsm: z.string() });

export const hubVariablesSchema = z.array(
  z.object({ name: z.string(), type: z.string().nullish(), value: value.optional() }),
);
export type MakerApiVariable = z.output<typeof hubVariablesSchema>[number];
