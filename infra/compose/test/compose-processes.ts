import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@switchyard/launcher';
import { interpolate, type ComposeProject, type ComposeService } from './compose-file.ts';

export const ENTRYPOINT = join(REPO_ROOT, 'infra/docker/entrypoint.sh');

/** Where a Compose host name (a service) is reached from this machine: `host:port` → `127.0.0.1:<free port>`. */
export type HostMap = Map<string, string>;

/** Rewrites `//<service>:<port>` and `@<service>:<port>` to the local address standing in for it. */
export function mapHosts(text: string, hosts: HostMap): string {
  return text.replace(/(\/\/|@)([a-z][a-z0-9-]*:\d+)/g, (match, prefix: string, hostPort: string) =>
    hosts.has(hostPort) ? `${prefix}${hosts.get(hostPort)}` : match,
  );
}

/**
 * A service's Compose environment as a local process gets it: interpolated with the operator's
 * variables, secrets (`/run/secrets/<name>`) at `secretsDir/<name>`, DATA_DIR in `dataDir`, and
 * the other services' host names mapped to where they listen here.
 */
export function processEnvironment(
  service: ComposeService,
  options: { operatorEnv: Record<string, string>; secretsDir: string; dataDir: string; hosts: HostMap },
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, raw] of Object.entries(service.environment ?? {})) {
    let value = interpolate(String(raw ?? ''), options.operatorEnv);
    if (value.startsWith('/run/secrets/')) value = join(options.secretsDir, value.slice('/run/secrets/'.length));
    else if (key === 'DATA_DIR') value = options.dataDir;
    else value = mapHosts(value, options.hosts);
    env[key] = value;
  }
  return env;
}

/** The Compose services in an order that satisfies every `depends_on` (each after what it depends on). */
export function startOrder(project: ComposeProject, names: string[]): string[][] {
  const dependencies = (name: string) =>
    Object.keys(project.services[name]!.depends_on ?? {}).filter((dependency) => names.includes(dependency));
  const stages: string[][] = [];
  const placed = new Set<string>();
  while (placed.size < names.length) {
    const stage = names.filter((name) => !placed.has(name) && dependencies(name).every((d) => placed.has(d)));
    if (stage.length === 0) throw new Error(`depends_on has a cycle among ${names.filter((n) => !placed.has(n))}`);
    stage.forEach((name) => placed.add(name));
    stages.push(stage);
  }
  return stages;
}

/** A program of the image run as the container would run it: the entrypoint with the Compose command. */
export class EntrypointProcess {
  readonly child: ChildProcess;
  private output = '';
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    args: string[],
    readonly env: Record<string, string>,
  ) {
    this.child = spawn(ENTRYPOINT, args, {
      // PATH only from this machine: everything else the program gets is from compose.yaml.
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout!, this.child.stderr!])
      stream.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  logs(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Runs the Compose healthcheck's command (the image's `healthcheck` program) with the service's environment. */
export function healthcheck(service: ComposeService, env: Record<string, string>): Promise<boolean> {
  const [kind, , ...args] = service.healthcheck!.test!;
  if (kind !== 'CMD') throw new Error(`healthcheck ${kind} is not run here`);
  const probe = new EntrypointProcess('healthcheck', args, env);
  return probe.exited.then((code) => code === 0);
}

/**
 * The TCP addresses the given processes listen on (from /proc: their socket inodes, matched with
 * the kernel's tables of listening sockets), as `address:port`.
 */
export function listeningAddresses(pids: number[]): string[] {
  const inodes = new Set<string>();
  for (const pid of pids)
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      const target = (() => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          return '';
        }
      })();
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode) inodes.add(inode);
    }
  const listening: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6'])
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // fields: sl, local_address, rem_address, st (0A = LISTEN), …, inode at index 9.
      if (fields[3] !== '0A' || !inodes.has(fields[9]!)) continue;
      const [hex, portHex] = fields[1]!.split(':') as [string, string];
      listening.push(`${addressOf(hex)}:${parseInt(portHex, 16)}`);
    }
  return listening;
}

function addressOf(hex: string): string {
  if (hex.length === 8)
    return hex
      .match(/../g)!
      .reverse()
      .map((byte) => parseInt(byte, 16))
      .join('.');
  if (/^0{32}$/.test(hex)) return '::';
  if (hex === '00000000000000000000000001000000') return '::1';
  // An IPv4 address mapped into IPv6 (::ffff:a.b.c.d): the last four bytes.
  if (hex.startsWith('0000000000000000FFFF0000')) return addressOf(hex.slice(24));
  return hex;
}

/** Whether an address only this machine can reach (127.0.0.0/8, ::1). */
export const isLoopback = (address: string) => /^127\./.test(address) || address === '::1';
