// `npm run test:browser`: the whole system as real processes on free ports (every subgraph on a fresh
// PGlite directory, the gateway), a simulated Hubitat hub that hardware registers at start, the built
// web app (`node web/build`) in front of it, then Playwright against Debian's chromium. Everything is
// stopped afterwards; the exit code is Playwright's.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startSystem } from '../../gateway/test/support/system.ts';
import { freePort, REPO_ROOT } from '../../gateway/test/support/processes.ts';
import { createSimulator } from '../../subgraphs/hardware/simulator/src/simulator.ts';

// Short-lived access tokens, so the suite also covers silent refresh and the websocket outliving its token.
const ACCESS_TOKEN_TTL_SECONDS = 75;

const simulatorToken = randomBytes(16).toString('hex');
const simulator = await createSimulator({ accessToken: simulatorToken, port: await freePort() });
const system = await startSystem('pglite', {
  env: {
    ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS),
    SIMULATED_HUB_URL: simulator.url,
    SIMULATED_HUB_TOKEN: simulatorToken,
    SIMULATED_HUB_APP_ID: simulator.appId,
  },
});
const webPort = await freePort();
const webUrl = `http://127.0.0.1:${webPort}`;
const gateway = new URL(system.gatewayUrl);
const webOutput: string[] = [];
let stopping = false;

function startWeb(): ChildProcess {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'web/build/index.js')], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(webPort),
      ORIGIN: webUrl,
      GATEWAY_URL: system.gatewayUrl,
      PUBLIC_GATEWAY_WS_URL: `ws://${gateway.host}${gateway.pathname}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    webOutput.push(chunk.toString());
    if (webOutput.length > 200) webOutput.splice(0, 50);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  // A web server that dies mid-run explains every test after it: say so, with its last words.
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`\nweb server exited unexpectedly (${signal ?? `exit ${code}`}):\n${webOutput.join('')}`);
  });
  return child;
}

async function waitReady(url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`web server not ready at ${url}:\n${webOutput.join('')}`);
}

const web = startWeb();
let code = 1;
try {
  await waitReady(`${webUrl}/login`);
  code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)], {
      cwd: path.join(REPO_ROOT, 'web'),
      stdio: 'inherit',
      env: {
        ...process.env,
        WEB_URL: webUrl,
        GATEWAY_URL: system.gatewayUrl,
        ADMIN_EMAIL: system.admin.email,
        ADMIN_PASSWORD: system.admin.password,
        ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS),
        // The hub's Maker API, for tests that act as someone at the hub (a wall switch pressed).
        SIMULATOR_URL: simulator.url,
        SIMULATOR_APP_ID: simulator.appId,
        SIMULATOR_TOKEN: simulatorToken,
      },
    });
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
} catch (error) {
  console.error(error);
} finally {
  stopping = true;
  if (web.exitCode === null && web.signalCode === null) {
    const exited = new Promise((resolve) => web.once('exit', resolve));
    web.kill('SIGTERM');
    await exited;
  }
  await system.destroy();
  await simulator.stop();
}
process.exit(code);
