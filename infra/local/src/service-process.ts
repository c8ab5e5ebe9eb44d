import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Env } from '@switchyard/shared/config';
import { bundlePath } from './bundle.ts';
import { REPO_ROOT } from './paths.ts';
import type { Program, ServiceDefinition } from './services.ts';

export type OutputStream = 'stdout' | 'stderr';

export interface ServiceProcessOptions {
  /** How it is called in logs and errors (a replica's differs from its service's). */
  name?: string;
  /** Where it answers, e.g. http://127.0.0.1:4001 (planSystem's urls). */
  baseUrl: string;
  /** What answers 200 once it is ready, when not its service's usual path. */
  readyPath?: string;
  /** Arguments to its program (the all-in-one program's services). */
  args?: string[];
  /** Every line it prints, as it prints it. */
  onLine?: (line: string, stream: OutputStream) => void;
}

/** A service that stopped, or never became ready; the message ends with what it printed. */
export class ServiceStartError extends Error {
  constructor(
    readonly service: string,
    /** What happened: "exited (code 1)", "was not ready at … after 180 s". */
    readonly reason: string,
    readonly output: string,
    /** It exited (rather than hanging): its own last words are its error. */
    readonly exited: boolean,
  ) {
    super(`${service} ${reason}${output ? `; its output:\n${output}` : ' and printed nothing'}`);
  }
}

const KEPT_LINES = 400;
const POLL_MS = 100;

/**
 * One service as a process: `node` on its bundle (see bundleServices) with the given environment,
 * ready when its readiness path answers 200. Used by `npm start` and the test harness alike.
 */
export class ServiceProcess {
  readonly name: string;
  readonly baseUrl: string;
  private readonly readyPath: string;
  private child: ChildProcess | null = null;
  private exit: Promise<void> = Promise.resolve();
  private readonly lines: string[] = [];

  constructor(
    readonly definition: ServiceDefinition | Program,
    private readonly env: Env,
    private readonly options: ServiceProcessOptions,
  ) {
    this.name = options.name ?? definition.name;
    this.baseUrl = options.baseUrl;
    this.readyPath = options.readyPath ?? ('readyPath' in definition ? definition.readyPath : '/health');
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Starts the process and resolves once `readyPath` (default: the service's) answers 200; rejects
   * with its output if it exits or times out first.
   */
  async start({ readyPath = this.readyPath, timeoutMs = 300_000 } = {}): Promise<void> {
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', bundlePath(this.definition), ...(this.options.args ?? [])],
      {
        cwd: REPO_ROOT,
        env: this.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    // 'close' comes after the exit and the last of its output.
    this.exit = new Promise((resolve) => child.once('close', () => resolve()));
    for (const stream of ['stdout', 'stderr'] as const) {
      createInterface({ input: child[stream]! }).on('line', (line) => {
        this.lines.push(line);
        if (this.lines.length > KEPT_LINES) this.lines.splice(0, this.lines.length - KEPT_LINES);
        this.options.onLine?.(line, stream);
      });
    }
    await this.waitReady(readyPath, timeoutMs);
  }

  /**
   * Resolves once `readyPath` at `baseUrl` (default: its own; the all-in-one process has one per
   * service) answers 200; rejects with the output if the process exits or times out first.
   */
  async waitReady(readyPath = this.readyPath, timeoutMs = 300_000, baseUrl = this.baseUrl): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) {
        await this.exit;
        const child = this.child;
        throw new ServiceStartError(
          this.name,
          `exited (${child?.signalCode ?? `code ${child?.exitCode}`})`,
          this.logs(),
          true,
        );
      }
      const ready = await fetch(`${baseUrl}${readyPath}`, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ready && this.running) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const reason = `was not ready at ${baseUrl} after ${timeoutMs / 1000} s`;
    throw new ServiceStartError(this.name, reason, this.logs(), false);
  }

  /** Resolves when the process has exited (at once if it is not running). */
  exited(): Promise<void> {
    return this.exit;
  }

  /** Sends `signal` and waits for the exit; a process still there after `graceMs` is killed. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    child.kill(signal);
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exit;
    clearTimeout(killer);
  }

  /** What it printed lately (its last 400 lines). */
  logs(): string {
    return this.lines.join('\n');
  }
}
