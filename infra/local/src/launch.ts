import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { ConfigError, type Env, parseConfig, withEmbeddedSecrets } from '@switchyard/shared/config';
import { parseFirstAdminLine, type FirstAdmin } from '@switchyard/shared/first-admin';
import type { z } from 'zod';
import { launcherEnv } from './config.ts';
import { holdDataDir } from './data-dir.ts';
import { createOutput, isProblem } from './output.ts';
import { prepare } from './prepare.ts';
import { type OutputStream, ServiceProcess, ServiceStartError } from './service-process.ts';
import { ALL_IN_ONE, SERVICES, type ServiceDefinition } from './services.ts';
import { planSystem, type SystemPlan } from './system-env.ts';

// Secrets every process must share, generated once under DATA_DIR before any of them starts.
const EMBEDDED_SECRETS = [
  'INTERNAL_SIGNING_SECRET',
  'JWT_SECRET',
  'EDGE_SIGNING_SECRET',
  'HARDWARE_ENCRYPTION_KEY',
  'SIMULATED_HUB_TOKEN',
];

/**
 * `npm start`: builds what changed, starts every service with one environment (ports and URLs from
 * planSystem), waits until all are ready, and prints what a user needs: the URLs, the first admin
 * (on the start that created it), where data lives, how to stop. Ctrl-C (SIGINT) or SIGTERM stops them
 * all; if one stops by itself, the rest are stopped too. Resolves with the exit code.
 */
export async function launch(processEnv: Env, stdoutIsTerminal: boolean): Promise<number> {
  let options: z.output<typeof launcherEnv>;
  let plan: SystemPlan;
  try {
    options = parseConfig(launcherEnv, processEnv);
    plan = planSystem(processEnv);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`config error: ${problem}\n`);
    return 1;
  }
  const output = createOutput(options.LOG_FORMAT ?? (stdoutIsTerminal ? 'pretty' : 'json'));
  const embedded = !options.DATABASE_URL;
  const simulated = embedded && options.REGISTER_SIMULATED_HUB && !options.SIMULATED_HUB_URL;
  const services = SERVICES.filter(({ name }) => name !== 'simulator' || simulated);
  // One process holding every service and their five PGlite databases needs a fraction of the memory
  // of eight (see the README's Footprint); with PostgreSQL, separate processes as deployments run them.
  const allInOne = (options.PROCESS_MODE ?? (embedded ? 'all-in-one' : 'separate')) === 'all-in-one';

  const busy = await busyPorts(services, plan, options.HOST);
  if (busy.length > 0) {
    for (const problem of busy) output.fail(problem);
    return 1;
  }

  let stopCode: number | null = null;
  let releaseDataDir = () => {};
  let stopped!: (code: number) => void;
  const done = new Promise<number>((resolve) => (stopped = resolve));
  const running: ServiceProcess[] = [];
  const stopAll = (code: number) => {
    if (stopCode !== null) return;
    stopCode = code;
    void Promise.all(running.map((service) => service.stop())).then(() => {
      releaseDataDir();
      stopped(code);
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => {
      if (stopCode === null) output.say(`${signal}: stopping every service`);
      stopAll(0);
    });

  try {
    await prepare({ pgliteTemplate: embedded, onStep: (step) => output.say(`… ${step}`) });
  } catch (error) {
    output.fail((error as Error).message);
    return 1;
  }
  if (stopCode !== null) return stopCode;

  // Absolute, so every process (and the message below) means the same folder.
  let dataDir: string;
  try {
    const held = holdDataDir(options.DATA_DIR, processEnv.DATA_DIR !== undefined, plan.ports.gateway!);
    if (held.movedBecause) output.say(`${held.movedBecause}: this copy keeps its data in ${held.dir}`);
    dataDir = held.dir;
    releaseDataDir = held.release;
  } catch (error) {
    output.fail((error as Error).message);
    return 1;
  }
  const env = withEmbeddedSecrets(
    {
      ...plan.env,
      DATA_DIR: dataDir,
      // Our config defaults to production, but libraries (graphql-ws, Express, Apollo, graphql) read
      // NODE_ENV from the environment themselves: without it they run in development mode (raw
      // exception messages in websocket close reasons, for one).
      NODE_ENV: processEnv.NODE_ENV || 'production',
    },
    EMBEDDED_SECRETS,
  );
  if (simulated) {
    env.SIMULATED_HUB_URL = plan.urls.simulator;
    env.SIMULATOR_ACCESS_TOKEN_FILE = env.SIMULATED_HUB_TOKEN_FILE;
  }
  let started = false;
  let firstAdmin: FirstAdmin | null = null;
  const onLine = (name: string) => (line: string, stream: OutputStream) => {
    const admin = parseFirstAdminLine(line);
    if (admin) firstAdmin = admin;
    // While starting, a person at a terminal sees only what went wrong; afterwards, everything.
    else if (started || output.format === 'json' || isProblem(line, stream)) output.service(name, line, stream);
  };
  const run = async (service: ServiceProcess, whenStarted: () => Promise<void>) => {
    running.push(service);
    await whenStarted();
    void service.exited().then(() => {
      if (stopCode !== null) return;
      output.fail(`${service.name} stopped unexpectedly; stopping everything`);
      stopAll(1);
    });
  };
  const startService = (definition: ServiceDefinition, readyPath = definition.readyPath) => {
    const service = new ServiceProcess(definition, env, {
      baseUrl: plan.urls[definition.name]!,
      onLine: onLine(definition.name),
    });
    return run(service, () => service.start({ readyPath }));
  };

  try {
    // Hardware registers the simulated hub as it starts, so the hub comes first. The gateway starts
    // with the subgraphs but is asked whether it is ready (every subgraph is) only once they are:
    // each refusal would be a warning in its log.
    const [simulator, gateway] = ['simulator', 'gateway'].map((name) => services.find((s) => s.name === name));
    const rest = services.filter((s) => s !== simulator);
    if (allInOne) {
      const stages = [...(simulator ? [simulator.name] : []), rest.map(({ name }) => name).join(',')];
      const system = new ServiceProcess(ALL_IN_ONE, env, {
        baseUrl: plan.urls.gateway!,
        args: stages,
        onLine: onLine(ALL_IN_ONE.name),
      });
      await run(system, async () => {
        await system.start({ readyPath: '/health' });
        const others = services.filter((s) => s !== gateway);
        await Promise.all(others.map((s) => system.waitReady(s.readyPath, undefined, plan.urls[s.name])));
        await system.waitReady('/ready');
      });
    } else {
      if (simulator) await startService(simulator);
      await Promise.all(rest.map((s) => startService(s, s === gateway ? '/health' : s.readyPath)));
      await running.find(({ definition }) => definition === gateway)?.waitReady();
    }
  } catch (error) {
    if (stopCode === null) {
      // A service that exited has printed its error already (errors are shown as they come); one
      // that hangs may have said why only at a level not shown while starting.
      if (!(error instanceof ServiceStartError)) output.fail(String(error));
      else if (error.exited) output.fail(`${error.service} ${error.reason} while starting; stopping everything`);
      else output.fail(error.message);
      stopAll(1);
    }
    return done;
  }
  if (stopCode === null) {
    started = true;
    output.running({
      web: shown(plan.urls.web!, options.HOST),
      api: `${shown(plan.urls.gateway!, options.HOST)}/graphql`,
      data: options.DATABASE_URL
        ? `PostgreSQL at ${redacted(options.DATABASE_URL)} (a database per subgraph)${options.REDIS_URL ? ', events on Redis' : ''}`
        : `${dataDir} (embedded PostgreSQL, generated secrets, mail)`,
      firstAdmin,
    });
  }
  return done;
}

/** A server listening on every interface is reached from elsewhere by this machine's name. */
function shown(url: string, host: string): string {
  return ['0.0.0.0', '::'].includes(host) ? url.replace('127.0.0.1', hostname()) : url;
}

/** Port variables whose port something else already listens on, as messages naming the variable. */
async function busyPorts(services: readonly ServiceDefinition[], plan: SystemPlan, host: string): Promise<string[]> {
  const results = await Promise.all(
    services.map(
      ({ name, portVariable }) =>
        new Promise<string | null>((resolve) => {
          const probe = createServer();
          probe.once('error', (error: NodeJS.ErrnoException) =>
            resolve(
              `${portVariable}=${plan.ports[name]}: ${host}:${plan.ports[name]} is ${error.code === 'EADDRINUSE' ? 'already in use' : `not available (${error.code})`}; set ${portVariable} to a free port`,
            ),
          );
          probe.listen(plan.ports[name], host, () => probe.close(() => resolve(null)));
        }),
    ),
  );
  return results.filter((result): result is string => result !== null);
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
