import { z } from 'zod';
import { storeIdSchema } from './asset-input.ts';
import { cronProblem, isTimeZone } from './schedule-timing.ts';

const name = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const id = z.string().trim().min(1, 'must not be empty').max(100);
const commandName = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be a command name such as on or setLevel');
// As sendDeviceCommand: at most 10 arguments of at most 200 characters.
const commandArguments = z
  .array(z.string().max(200, 'an argument is at most 200 characters'))
  .max(10, 'at most 10 arguments')
  .nullish()
  .transform((args) => args ?? []);

export const MAX_SCENE_ACTIONS = 50;

/** A scene as created or replaced: the actions run in the order given. */
export const sceneInputSchema = z.object({
  name,
  storeId: storeIdSchema.nullish().transform((s) => s ?? null),
  actions: z
    .array(z.object({ deviceId: id, command: commandName, arguments: commandArguments }))
    .min(1, 'a scene needs at least one action')
    .max(MAX_SCENE_ACTIONS, `at most ${MAX_SCENE_ACTIONS} actions`),
});
export type SceneInput = z.output<typeof sceneInputSchema>;

/**
 * A schedule as created or replaced. Exactly one target (sceneId, or deviceId with command);
 * cron needs an expression, sunrise and sunset need the place; the time zone is always required.
 */
export const scheduleInputSchema = z
  .object({
    name,
    enabled: z
      .boolean()
      .nullish()
      .transform((e) => e ?? true),
    sceneId: id.nullish().transform((s) => s ?? null),
    deviceId: id.nullish().transform((s) => s ?? null),
    command: commandName.nullish().transform((c) => c ?? null),
    arguments: commandArguments,
    timing: z.enum(['CRON', 'SUNRISE', 'SUNSET']),
    cron: z
      .string()
      .trim()
      .max(200, 'must be at most 200 characters')
      .nullish()
      .transform((c) => c || null),
    offsetMinutes: z
      .number()
      .int('must be whole minutes')
      .min(-720, 'must be between -720 and 720')
      .max(720, 'must be between -720 and 720')
      .nullish()
      .transform((o) => o ?? 0),
    timeZone: z.string().trim().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
    latitude: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90').nullish(),
    longitude: z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180').nullish(),
    storeId: storeIdSchema.nullish().transform((s) => s ?? null),
  })
  .superRefine((input, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (input.sceneId && input.deviceId) issue('sceneId', 'give a scene or a device command, not both');
    else if (!input.sceneId && !input.deviceId) issue('sceneId', 'give a scene or a device command');
    else if (input.deviceId && !input.command) issue('command', 'a device target needs a command');
    else if (input.sceneId && (input.command || input.arguments.length > 0))
      issue('command', 'a scene target takes no command');
    if (input.timing === 'CRON') {
      if (!input.cron) issue('cron', 'a cron schedule needs an expression');
      else {
        const problem = cronProblem(input.cron);
        if (problem) issue('cron', problem);
      }
    } else {
      if (input.latitude == null) issue('latitude', 'sunrise and sunset need the latitude');
      if (input.longitude == null) issue('longitude', 'sunrise and sunset need the longitude');
    }
  })
  .transform((input) => ({
    ...input,
    cron: input.timing === 'CRON' ? input.cron : null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  }));
export type ScheduleInput = z.output<typeof scheduleInputSchema>;
