import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVICES } from '@switchyard/launcher';
import { REPO_ROOT, freePort } from '@switchyard/testing';

// `npm start` when something is wrong: it must end (exit 1) saying what, in the words of whoever
// knows, never wait for a service that will not come.

/** `npm start` with only `env` (and a shell's PATH and HOME) until it exits: its code and every line it printed. */
function npmStartUntilExit(env: Record<string, string>): Promise<{ code: number | null; lines: string[] }> {
  const child = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return new Promise((resolve) =>
    child.once('close', (code) => resolve({ code, lines: chunks.join('').split('\n').filter(Boolean) })),
  );
}

async function freePorts(): Promise<Record<string, string>> {
  return Object.fromEntries(
    await Promise.all(SERVICES.map(async ({ portVariable }) => [portVariable, String(await freePort())])),
  );
}

const logOf = (line: string): { service?: string; level?: number; msg?: string } | null => {
  try {
    return line.startsWith('{') ? JSON.parse(line) : null;
  } catch {
    return null;
  }
};

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-launcher-failures-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

it('refuses a port that browsers and fetch block, naming the variable, before starting anything', async () => {
  const { code, lines } = await npmStartUntilExit({ ...(await freePorts()), WEB_PORT: '6000', DATA_DIR: dataDir });
  expect(code).toBe(1);
  expect(lines).toContain('config error: WEB_PORT: is a port browsers and fetch refuse to connect to; choose another');
}, 120_000);

it.each(['separate', 'all-in-one'])(
  'a database that accepts connections but never answers: the subgraphs say so, and the launcher stops with exit 1 (PROCESS_MODE=%s)',
  async (processMode) => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const { code, lines } = await npmStartUntilExit({
        ...(await freePorts()),
        DATA_DIR: dataDir,
        LOG_FORMAT: 'json',
        PROCESS_MODE: processMode,
        DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/switchyard`,
        JWT_SECRET: randomBytes(32).toString('hex'),
        INTERNAL_SIGNING_SECRET: randomBytes(32).toString('hex'),
        HARDWARE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        ADMIN_EMAIL: 'owner@example.test',
        ADMIN_PASSWORD: randomBytes(12).toString('hex'),
      });
      expect(code).toBe(1);
      const logs = lines.map(logOf).filter((log) => log !== null);
      // The failing child's own words, as it logged them (fatal), shown by the launcher.
      const fatal = logs.find((log) => log.level === 60 && log.service !== 'launcher');
      expect(fatal?.msg).toMatch(
        new RegExp(
          `^cannot start: ${fatal?.service}: cannot open database "switchyard_${fatal?.service}" on 127\\.0\\.0\\.1:${port}: no answer within 10 s$`,
        ),
      );
      expect(logs).toContainEqual(
        expect.objectContaining({
          service: 'launcher',
          msg: expect.stringMatching(/^[\w-]+ exited \(code 1\) while starting; stopping everything$/),
        }),
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  },
  300_000,
);
