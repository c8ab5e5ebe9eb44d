// The Hubitat Maker API simulator as its own program (`npm run simulator -w @switchyard/subgraph-hardware`).
import { DEFAULT_PORTS, env, loadConfigOrExit, stopOnSignal } from '@switchyard/shared';
import { z } from 'zod';
import { DEVICE_KINDS } from './devices.ts';
import { createSimulator } from './simulator.ts';

const simulatorEnv = z.object({
  SIMULATOR_HOST: z.string().default('127.0.0.1'),
  SIMULATOR_PORT: env.port(DEFAULT_PORTS.simulator),
  // Also as SIMULATOR_ACCESS_TOKEN_FILE, like every secret.
  SIMULATOR_ACCESS_TOKEN: z.string().min(8, 'must be at least 8 characters'),
  SIMULATOR_APP_ID: z.string().regex(/^\d+$/, 'must be numeric').default('1'),
  // Comma-separated kinds, repeats allowed (e.g. "dimmer,dimmer,motion"); every kind once by default.
  SIMULATOR_DEVICES: z
    .string()
    .default(DEVICE_KINDS.join(','))
    .transform((list) =>
      list
        .split(',')
        .map((kind) => kind.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(DEVICE_KINDS, { error: `use ${DEVICE_KINDS.join(', ')}` })).min(1)),
  // Random sensor readings every this many ms; 0 turns them off.
  SIMULATOR_ACTIVITY_INTERVAL_MS: z.coerce.number().int().min(0).default(5_000),
});

const config = loadConfigOrExit('simulator', simulatorEnv);
const simulator = await createSimulator({
  host: config.SIMULATOR_HOST,
  port: config.SIMULATOR_PORT,
  accessToken: config.SIMULATOR_ACCESS_TOKEN,
  appId: config.SIMULATOR_APP_ID,
  devices: config.SIMULATOR_DEVICES,
  activityIntervalMs: config.SIMULATOR_ACTIVITY_INTERVAL_MS,
});
// The token is the hub's password: it is not printed.
process.stdout.write(
  `Hubitat simulator: ${simulator.url}/apps/api/${simulator.appId}/ with ${simulator.devices.size} devices\n`,
);

stopOnSignal(() => simulator.stop());
