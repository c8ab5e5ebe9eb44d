// `npm run test:browser`: the whole system as real processes on free ports, started by the launcher's
// code (every subgraph on a fresh PGlite directory, the gateway, the web app in front of them), with a
// simulated Hubitat hub that hardware registers at start, then Playwright against Debian's chromium.
// Everything is stopped afterwards; the exit code is Playwright's.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startSystem } from '@switchyard/testing/system';
import { freePort, REPO_ROOT } from '@switchyard/testing';
import { createSimulator } from '../../subgraphs/hardware/simulator/src/simulator.ts';

// Short-lived access tokens, so the suite also covers silent refresh and the websocket outliving its token.
const ACCESS_TOKEN_TTL_SECONDS = 75;

const simulatorToken = randomBytes(16).toString('hex');
const simulator = await createSimulator({ accessToken: simulatorToken, port: await freePort() });
let code = 1;
try {
  const system = await startSystem('pglite', {
    web: true,
    env: {
      ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS),
      SIMULATED_HUB_URL: simulator.url,
      SIMULATED_HUB_TOKEN: simulatorToken,
      SIMULATED_HUB_APP_ID: simulator.appId,
      // webhooks.spec.ts registers endpoints on its own receivers, which listen on loopback: refused
      // unless allowed, as an installation allows a LAN receiver.
      WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1',
      // meals.spec.ts serves a recipe's picture from loopback, which the web server's image route refuses otherwise.
      RECIPE_IMAGE_ALLOWED_PRIVATE_TARGETS: '127.0.0.1',
      // recipe-import.spec.ts imports pages it serves as `localhost`; 127.0.0.1 stays refused for meals.spec.ts.
      RECIPE_IMPORT_ALLOWED_PRIVATE_TARGETS: 'localhost',
      // A failed webhook attempt is retried only minutes later, so that spec redelivers it by hand first.
      WEBHOOK_RETRY_BASE_MS: '600000',
      // monitors.spec.ts checks its monitor every 2 s, below the installation's minimum of 20 s.
      MONITOR_MIN_INTERVAL_SECONDS: '1',
    },
  });
  try {
    code = await new Promise<number>((resolve) => {
      const child = spawn(
        process.execPath,
        [path.join(REPO_ROOT, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)],
        {
          cwd: path.join(REPO_ROOT, 'web'),
          stdio: 'inherit',
          env: {
            ...process.env,
            WEB_URL: system.webUrl!,
            GATEWAY_URL: system.gatewayUrl,
            ADMIN_EMAIL: system.admin.email,
            ADMIN_PASSWORD: system.admin.password,
            // Without SMTP_URL identity writes its mail (reset links, invitations) as .eml files there.
            IDENTITY_MAIL_DIR: path.join(system.env.DATA_DIR!, 'identity', 'mail'),
            ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS),
            // The hub's Maker API, for tests that act as someone at the hub (a wall switch pressed).
            SIMULATOR_URL: simulator.url,
            SIMULATOR_APP_ID: simulator.appId,
            SIMULATOR_TOKEN: simulatorToken,
          },
        },
      );
      child.on('exit', (exitCode) => resolve(exitCode ?? 1));
    });
  } finally {
    // A web server that died mid-run explains every test after it: say so, with its last words.
    const web = system.services.find(({ name }) => name === 'web');
    if (code !== 0 && web && !web.running) console.error(`\nthe web server had exited:\n${web.logs()}`);
    await system.destroy();
  }
} catch (error) {
  console.error(error);
} finally {
  await simulator.stop();
}
process.exit(code);
