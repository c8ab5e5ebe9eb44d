import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { SERVICES } from '@switchyard/launcher';
import { REPO_ROOT, freePort } from '@switchyard/testing';

/** What the launcher's "Switchyard is running" line (JSON, as it prints to a pipe) says. */
export interface Running {
  web: string;
  api: string;
  firstAdmin?: { email: string; password: string };
}

const RUNNING = 'Switchyard is running';

/**
 * `npm start` as a user runs it (no variables but the README's ports, on free ones, and a DATA_DIR
 * of its own), resolved once it prints "Switchyard is running". `stop()` sends SIGINT as Ctrl-C.
 */
export async function npmStart(
  dataDir: string,
): Promise<{ child: ChildProcess; running: Running; stop(): Promise<void> }> {
  const ports = Object.fromEntries(
    await Promise.all(SERVICES.map(async ({ portVariable }) => [portVariable, String(await freePort())])),
  );
  const child = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), DATA_DIR: dataDir, ...ports },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGINT');
    await exited;
  };
  const output: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  let running: Running;
  try {
    running = await new Promise<Running>((resolve, reject) => {
      let stdout = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output.push(chunk.toString());
        stdout += chunk.toString();
        // The whole line: it may come in more than one chunk.
        const line = stdout.split('\n').find((text, i, lines) => i < lines.length - 1 && text.includes(RUNNING));
        if (line) resolve(JSON.parse(line) as Running);
      });
      child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output.join('')}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  // From now on its output is read and dropped: kept, a long run's request logs would pile up here.
  for (const stream of [child.stdout!, child.stderr!]) stream.removeAllListeners('data').resume();
  return { child, running, stop };
}
