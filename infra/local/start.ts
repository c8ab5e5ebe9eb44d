// `npm start`: every subgraph, then the gateway, as child processes on embedded defaults (or on
// DATABASE_URL / REDIS_URL when set). On embedded defaults a simulated Hubitat hub starts first and
// the hardware subgraph registers it, so there are live devices to look at (REGISTER_SIMULATED_HUB=false
// turns that off). Lines are prefixed with the service name; Ctrl-C stops all.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SUBGRAPHS, envPrefix, withEmbeddedSecrets } from '@switchyard/shared';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Secrets are generated here, once, before any child starts, so all of them read the same files.
const env = { ...withEmbeddedSecrets(process.env, ['INTERNAL_SIGNING_SECRET', 'JWT_SECRET', 'HARDWARE_ENCRYPTION_KEY', 'SIMULATED_HUB_TOKEN']) } as NodeJS.ProcessEnv;
const simulateHub = !env.DATABASE_URL && env.REGISTER_SIMULATED_HUB !== 'false' && !env.SIMULATED_HUB_URL;
const children = new Map<string, ChildProcess>();
let stopping = false;

function start(name: string, entry: string, overrides: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env: { ...env, ...overrides }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${name.padEnd(9)}| ${line}\n`));
  }
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      process.stderr.write(`${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping everything\n`);
      void stopAll(1);
    } else if (children.size === 0) process.exit(exitCode);
  });
  children.set(name, child);
  return child;
}

async function waitReady(name: string, url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!stopping) throw new Error(`${name} did not become ready at ${url}`);
}

let exitCode = 0;
async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children.values()) child.kill('SIGTERM');
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

const host = env.HOST || '127.0.0.1';
try {
  if (simulateHub) {
    env.SIMULATED_HUB_URL = `http://${host}:${env.SIMULATOR_PORT || 4090}`;
    env.SIMULATOR_ACCESS_TOKEN_FILE = env.SIMULATED_HUB_TOKEN_FILE;
    start('simulator', 'subgraphs/hardware/simulator/src/index.ts');
    await waitReady('simulator', `${env.SIMULATED_HUB_URL}/health`);
  }
  await Promise.all(
    SUBGRAPHS.map(({ name, defaultPort }) => {
      start(name, `subgraphs/${name}/src/index.ts`);
      return waitReady(name, `http://${host}:${env[`${envPrefix(name)}_PORT`] || defaultPort}/ready`);
    }),
  );
  start('gateway', 'gateway/src/index.ts');
  const gatewayUrl = `http://${host}:${env.PORT || 4000}`;
  await waitReady('gateway', `${gatewayUrl}/ready`);
  // The web server (SvelteKit, adapter-node) has its own PORT; it calls the gateway server-side.
  const webUrl = `http://${host}:${env.WEB_PORT || 3000}`;
  start('web', 'web/build/index.js', { PORT: env.WEB_PORT || '3000', HOST: host, GATEWAY_URL: `${gatewayUrl}/graphql` });
  await waitReady('web', `${webUrl}/login`);
  process.stdout.write(
    `\nSwitchyard is running:\n  Web UI       ${webUrl}\n  GraphQL API  ${gatewayUrl}/graphql (websocket too; SSE on /graphql/stream)\n  Health       ${gatewayUrl}/health · ${gatewayUrl}/ready · ${gatewayUrl}/metrics\nPress Ctrl-C to stop.\n\n`,
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  await stopAll(1);
}
