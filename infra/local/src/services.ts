import { DEFAULT_PORTS } from '@switchyard/shared/ports';
import { SUBGRAPHS, envPrefix } from '@switchyard/shared/subgraphs';

/** A program the launcher builds into a bundle (see bundleServices) and runs as a process. */
export interface Program {
  name: string;
  /** Its entry point, relative to the repository root. */
  source: string;
}

/** A service of the system as the launcher and the test harness start it. */
export interface ServiceDefinition extends Program {
  /** The variable it reads its port from; every process gets the same environment. */
  portVariable: string;
  defaultPort: number;
  /** Answers 200 once the service can do its work. */
  readyPath: string;
}

const subgraphs: ServiceDefinition[] = SUBGRAPHS.map(({ name, defaultPort }) => ({
  name,
  source: `subgraphs/${name}/src/index.ts`,
  portVariable: `${envPrefix(name)}_PORT`,
  defaultPort,
  readyPath: '/ready',
}));

/** Every program of the system: the subgraphs, the gateway, the web app, the simulated Hubitat hub. */
export const SERVICES: readonly ServiceDefinition[] = [
  ...subgraphs,
  {
    name: 'gateway',
    source: 'gateway/src/index.ts',
    portVariable: 'PORT',
    defaultPort: DEFAULT_PORTS.gateway,
    // Ready once every subgraph is.
    readyPath: '/ready',
  },
  {
    name: 'web',
    source: 'web/server/index.ts',
    portVariable: 'WEB_PORT',
    defaultPort: DEFAULT_PORTS.web,
    readyPath: '/health',
  },
  {
    name: 'simulator',
    source: 'subgraphs/hardware/simulator/src/index.ts',
    portVariable: 'SIMULATOR_PORT',
    defaultPort: DEFAULT_PORTS.simulator,
    readyPath: '/health',
  },
];

/**
 * Several services in one process, each still listening on its own port (PROCESS_MODE=all-in-one):
 * its arguments are the services to start, see all-in-one.ts.
 */
export const ALL_IN_ONE: Program = { name: 'all-in-one', source: 'infra/local/src/all-in-one.ts' };

/**
 * Programs the container image runs besides the services (see infra/docker/entrypoint.sh):
 * `migrate` applies pending migrations (`npm run db:migrate`), `healthcheck` probes a service.
 */
export const TOOLS: readonly Program[] = [
  { name: 'migrate', source: 'prisma/scripts/migrate.ts' },
  { name: 'healthcheck', source: 'infra/local/src/healthcheck.ts' },
];

export function service(name: string): ServiceDefinition {
  const found = SERVICES.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`unknown service ${name} (known: ${SERVICES.map((s) => s.name).join(', ')})`);
  return found;
}
