import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A service started as a real process (`node --import tsx <entry>`), with its output kept for failure messages. */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private output: string[] = [];

  constructor(
    readonly name: string,
    private readonly entry: string,
    readonly baseUrl: string,
    private readonly env: Record<string, string>,
    private readonly readyPath = '/ready',
  ) {}

  async start(timeoutMs = 120_000): Promise<void> {
    this.child = spawn(process.execPath, ['--import', 'tsx', this.entry], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 400) this.output.splice(0, 100);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited with ${this.child.exitCode}:\n${this.logs()}`);
      try {
        if ((await fetch(`${this.baseUrl}${this.readyPath}`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.logs()}`);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.child = null;
  }

  logs(): string {
    return this.output.join('');
  }
}
