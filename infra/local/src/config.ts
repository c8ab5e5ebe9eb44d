import { env as field } from '@switchyard/shared/config';
import { z } from 'zod';

/**
 * The launcher's own variables (besides every service's port variable, see planSystem); every
 * service reads its own from the same environment.
 */
export const launcherEnv = z.object({
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: field.postgresUrl().optional(),
  REDIS_URL: z.string().optional(),
  REGISTER_SIMULATED_HUB: field.boolean(true),
  SIMULATED_HUB_URL: z.string().optional(),
  // Default: all-in-one on embedded PGlite (one process, a fraction of the memory), separate with DATABASE_URL.
  PROCESS_MODE: z.enum(['all-in-one', 'separate']).optional(),
});
