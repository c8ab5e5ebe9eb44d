import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './processes.ts';

/**
 * A Redis of a suite's own (on a free port, nothing kept on disk), so that freezing or killing it
 * hurts no other user of the machine's Redis. `start` after `kill` brings it back on the same port.
 * With `password`, clients must authenticate (as with the Compose file's Redis).
 */
export async function startRedisServer({ password }: { password?: string } = {}) {
  const port = await freePort();
  const auth = password ? ['--no-auth-warning', '-a', password] : [];
  let child: ChildProcess | null = null;
  const ping = () =>
    new Promise<boolean>((resolve) => {
      const probe = spawn('redis-cli', ['-p', String(port), ...auth, 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let answer = '';
      probe.stdout.on('data', (chunk) => (answer += chunk));
      probe.on('close', () => resolve(answer.trim() === 'PONG'));
      probe.on('error', () => resolve(false));
    });
  async function start() {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    child = spawn('redis-server', [...args, ...(password ? ['--requirepass', password] : [])], { stdio: 'ignore' });
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await ping()) return;
      await sleep(100);
    }
    throw new Error(`redis-server did not answer on port ${port}`);
  }
  async function kill() {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child?.once('close', resolve));
    child.kill('SIGCONT');
    child.kill('SIGKILL');
    await exited;
  }
  await start();
  return {
    url: `redis://${password ? `:${password}@` : ''}127.0.0.1:${port}`,
    port,
    start,
    kill,
    /** SIGSTOP: connected, answering nothing (a hung server). */
    freeze: () => void child?.kill('SIGSTOP'),
    thaw: () => void child?.kill('SIGCONT'),
  };
}
