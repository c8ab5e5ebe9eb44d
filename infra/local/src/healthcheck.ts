// `healthcheck [service] [--ready]`, the container's health probe (Docker HEALTHCHECK, compose):
// exits 0 when the service on this host answers 200 on /health (with --ready, on its readiness
// path: /ready for subgraphs and the gateway), 1 otherwise. Without a service name it checks the
// service this container runs, found from the bundle a process of it was started with.
import { readdirSync, readFileSync } from 'node:fs';
import { SERVICES, service as serviceNamed, type ServiceDefinition } from './services.ts';

const TIMEOUT_MS = 3_000;

/** The service whose bundle (`…/<name>.mjs`) some process on this host runs, as in a container. */
function runningService(): ServiceDefinition | undefined {
  const bundle = new RegExp(`/(${SERVICES.map(({ name }) => name).join('|')})\\.mjs\\0`);
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const commandLine = (() => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      } catch {
        return '';
      }
    })();
    const name = bundle.exec(commandLine)?.[1];
    if (name) return serviceNamed(name);
  }
  return undefined;
}

async function check(args: string[]): Promise<string | null> {
  const name = args.find((arg) => !arg.startsWith('--'));
  const definition = name ? serviceNamed(name) : runningService();
  if (!definition) return 'no service named, and none found running here';
  const port = Number(process.env[definition.portVariable] || definition.defaultPort);
  const path = args.includes('--ready') ? definition.readyPath : '/health';
  const url = `http://127.0.0.1:${port}${path}`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.body?.cancel();
    return response.status === 200 ? null : `${definition.name}: ${url} answered ${response.status}`;
  } catch (error) {
    return `${definition.name}: ${url} did not answer (${(error as Error).message})`;
  }
}

try {
  const problem = await check(process.argv.slice(2));
  if (problem) console.error(`unhealthy: ${problem}`);
  process.exitCode = problem ? 1 : 0;
} catch (error) {
  console.error(`unhealthy: ${(error as Error).message}`);
  process.exitCode = 1;
}
