import { execFile } from 'node:child_process';
import { Resolver } from 'node:dns/promises';
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, connect, isIP, isIPv4, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { TLSSocket } from 'node:tls';
import { pinnedLookup, type ResolvedAddress } from '@switchyard/shared';
import { dnsAnswerTexts, dnsProblem, httpProblem, type Monitor } from '../domain/monitor.ts';

/** What one check of a monitor found. */
export interface MonitorCheckResult {
  ok: boolean;
  latencyMs: number | null;
  error: string | null;
  /** HTTPS: the server certificate's expiry, read even when the check failed otherwise. */
  certificateExpiresAt?: Date | null;
}

/**
 * Where monitors may connect. Private addresses are allowed (a shop's router, its POS): monitors
 * are OPERATOR-made. Never link-local (169.254.0.0/16: cloud metadata; fe80::/10), unspecified or
 * multicast addresses, and never the system's own services (gateway, subgraphs, web, PostgreSQL,
 * Redis), matched by port on their host's addresses (on loopback or any address of this machine
 * when they listen there). Checked when a monitor is saved and again at every connection, on the
 * address actually connected to (so DNS rebinding cannot get around it).
 */
export interface OutboundPolicy {
  /** Resolves `host` and returns the address to connect to; throws an Error saying why it is refused. */
  resolve(host: string, port: number | null): Promise<ResolvedAddress>;
}

const NEVER = new BlockList();
NEVER.addSubnet('169.254.0.0', 16, 'ipv4');
NEVER.addSubnet('0.0.0.0', 8, 'ipv4');
NEVER.addSubnet('224.0.0.0', 4, 'ipv4');
NEVER.addSubnet('fe80::', 10, 'ipv6');
NEVER.addSubnet('ff00::', 8, 'ipv6');
NEVER.addAddress('::', 'ipv6');
NEVER.addAddress('fd00:ec2::254', 'ipv6');

const mappedV4 = (address: string) => /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;

export function isNeverAllowed(address: string): boolean {
  const plain = mappedV4(address);
  return NEVER.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
}

function isLoopback(address: string): boolean {
  const plain = mappedV4(address);
  return plain === '::1' || plain.startsWith('127.');
}

/** The system's own endpoints, as URLs (http://host:port, postgres://…, redis://…). */
export function ownEndpointsOf(urls: (string | null | undefined)[]): { host: string; port: number }[] {
  const defaults: Record<string, number> = {
    'http:': 80,
    'https:': 443,
    'postgres:': 5432,
    'postgresql:': 5432,
    'redis:': 6379,
    'rediss:': 6379,
  };
  return urls.flatMap((text) => {
    if (!text) return [];
    try {
      const url = new URL(text);
      const port = url.port ? Number(url.port) : defaults[url.protocol];
      return port ? [{ host: url.hostname.replace(/^\[|\]$/g, ''), port }] : [];
    } catch {
      return [];
    }
  });
}

export function createOutboundPolicy(own: { host: string; port: number }[]): OutboundPolicy {
  const local = () =>
    new Set(
      Object.values(networkInterfaces())
        .flat()
        .map((info) => info?.address)
        .filter((a): a is string => Boolean(a)),
    );
  const ownAddresses = new Map<string, Promise<Set<string>>>();
  const addressesOf = (host: string) => {
    let found = ownAddresses.get(host);
    if (!found) {
      found = (async () => {
        if (host === '0.0.0.0' || host === '::' || host === 'localhost')
          return new Set(['127.0.0.1', '::1', ...local()]);
        const resolved = isIP(host)
          ? [host]
          : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
        return new Set([...resolved, ...(resolved.some(isLoopback) ? ['127.0.0.1', '::1', ...local()] : [])]);
      })();
      ownAddresses.set(host, found);
    }
    return found;
  };
  return {
    async resolve(host, port) {
      const bare = host.replace(/^\[|\]$/g, '');
      let addresses: ResolvedAddress[];
      try {
        addresses = isIP(bare)
          ? [{ address: bare, family: isIPv4(bare) ? 4 : 6 }]
          : await lookup(bare, { all: true, verbatim: true });
      } catch {
        throw new Error(`cannot resolve ${bare}`);
      }
      if (addresses.length === 0) throw new Error(`cannot resolve ${bare}`);
      if (addresses.some((a) => isNeverAllowed(a.address)))
        throw new Error('link-local, metadata, multicast and unspecified addresses are not allowed');
      if (port !== null)
        for (const endpoint of own.filter((e) => e.port === port)) {
          const theirs = await addressesOf(endpoint.host);
          if (
            addresses.some((a) => theirs.has(mappedV4(a.address)) || (isLoopback(a.address) && theirs.has('127.0.0.1')))
          )
            throw new Error("the system's own services cannot be monitored this way");
        }
      return addresses[0]!;
    },
  };
}

const BODY_LIMIT = 1 << 20;
const MAX_REDIRECTS = 10;

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return (e?.code && !e.message.includes(e.code) ? `${e.message} (${e.code})` : (e?.message ?? String(error))).slice(
    0,
    500,
  );
}

/** HTTP(S): one request (and its redirects, each checked against the policy), the answer against the settings. */
export async function httpCheck(
  monitor: Monitor,
  policy: OutboundPolicy,
  signal: AbortSignal,
): Promise<MonitorCheckResult> {
  const settings = monitor.http!;
  const started = performance.now();
  let certificateExpiresAt: Date | null = null;
  let url = new URL(monitor.target!);
  try {
    for (let redirects = 0; ; redirects++) {
      const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
      const pinned = await policy.resolve(url.hostname, port);
      const needBody = settings.method !== 'HEAD' && (settings.keyword !== null || settings.jsonPath !== null);
      const answer = await new Promise<{ status: number; location: string | null; body: string | null }>(
        (resolve, reject) => {
          const secure = url.protocol === 'https:';
          const request = (secure ? https : http).request(
            url,
            {
              method: settings.method,
              lookup: pinnedLookup(pinned),
              agent: false,
              signal,
              headers: {
                'user-agent': 'Switchyard-Monitor/1',
                accept: '*/*',
                ...(settings.method === 'POST' ? { 'content-length': '0' } : {}),
              },
              ...(secure
                ? { rejectUnauthorized: !settings.ignoreTls, servername: isIP(url.hostname) ? undefined : url.hostname }
                : {}),
            },
            (response) => {
              const status = response.statusCode ?? 0;
              const location = response.headers.location ?? null;
              if (!needBody || (status >= 300 && status < 400 && settings.followRedirects)) {
                response.resume();
                response.on('end', () => resolve({ status, location, body: null }));
                response.on('error', reject);
                return;
              }
              const chunks: Buffer[] = [];
              let size = 0;
              response.on('data', (chunk: Buffer) => {
                if (size < BODY_LIMIT) chunks.push(chunk);
                size += chunk.length;
              });
              response.on('end', () => resolve({ status, location, body: Buffer.concat(chunks).toString('utf8') }));
              response.on('error', reject);
            },
          );
          if (secure)
            request.on('socket', (socket: Socket) =>
              socket.once('secureConnect', () => {
                const validTo = (socket as TLSSocket).getPeerCertificate()?.valid_to;
                if (validTo) certificateExpiresAt = new Date(validTo);
              }),
            );
          request.on('error', (error) => {
            // A refused certificate still tells its expiry: read it from the failed handshake's socket.
            const socket = request.socket as TLSSocket | null;
            const validTo = socket?.getPeerCertificate?.()?.valid_to;
            if (validTo && !certificateExpiresAt) certificateExpiresAt = new Date(validTo);
            reject(error);
          });
          request.end();
        },
      );
      if (answer.status >= 300 && answer.status < 400 && settings.followRedirects && answer.location) {
        if (redirects >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
        url = new URL(answer.location, url);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('redirected to a non-HTTP URL');
        continue;
      }
      const problem = httpProblem(settings, answer);
      return { ok: problem === null, latencyMs: elapsed(started), error: problem, certificateExpiresAt };
    }
  } catch (error) {
    return {
      ok: false,
      latencyMs: null,
      error: signal.aborted ? `timed out after ${monitor.timeoutMs} ms` : describe(error),
      certificateExpiresAt,
    };
  }
}

/** Connects to host:port through the policy; resolves with the connect time. */
async function connectTime(host: string, port: number, policy: OutboundPolicy, signal: AbortSignal): Promise<number> {
  const pinned = await policy.resolve(host, port);
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host: pinned.address, port, family: pinned.family });
    const fail = (error: unknown) => {
      socket.destroy();
      reject(error);
    };
    const onAbort = () => fail(new Error('timed out'));
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve();
    });
    socket.once('error', fail);
  });
  return elapsed(started);
}

export async function tcpCheck(
  monitor: Monitor,
  policy: OutboundPolicy,
  signal: AbortSignal,
): Promise<MonitorCheckResult> {
  try {
    return { ok: true, latencyMs: await connectTime(monitor.target!, monitor.port!, policy, signal), error: null };
  } catch (error) {
    return {
      ok: false,
      latencyMs: null,
      error: signal.aborted ? `timed out after ${monitor.timeoutMs} ms` : describe(error),
    };
  }
}

/** The part of node:dns's Resolver a DNS check uses (tests pass their own). */
export type DnsResolver = Pick<Resolver, 'resolve4' | 'resolve6' | 'resolveCname' | 'resolveMx' | 'resolveTxt'> & {
  cancel(): void;
};

export function systemResolver(timeoutMs: number): DnsResolver {
  return new Resolver({ timeout: timeoutMs, tries: 1 });
}

export async function dnsCheck(
  monitor: Monitor,
  signal: AbortSignal,
  resolver: DnsResolver = systemResolver(monitor.timeoutMs),
): Promise<MonitorCheckResult> {
  const started = performance.now();
  const type = monitor.dnsRecordType ?? 'A';
  const onAbort = () => resolver.cancel();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const name = monitor.target!;
    const answers: unknown[] =
      type === 'AAAA'
        ? await resolver.resolve6(name)
        : type === 'CNAME'
          ? await resolver.resolveCname(name)
          : type === 'MX'
            ? await resolver.resolveMx(name)
            : type === 'TXT'
              ? await resolver.resolveTxt(name)
              : await resolver.resolve4(name);
    const problem = dnsProblem(dnsAnswerTexts(type, answers), monitor.dnsExpected);
    return { ok: problem === null, latencyMs: elapsed(started), error: problem };
  } catch (error) {
    return {
      ok: false,
      latencyMs: null,
      error: signal.aborted ? `timed out after ${monitor.timeoutMs} ms` : describe(error),
    };
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * How PING runs. Node has no ICMP sockets, and raw ICMP needs root (CAP_NET_RAW). Where the
 * system's `ping` works without privileges (Linux with net.ipv4.ping_group_range covering our
 * group, or iputils' ping with its file capability, macOS), one echo is sent through it; else
 * PING is a TCP connect to port 443, then 80 (either answering, even refused, proves the host is
 * up: a refusal is an answer). Found once per process.
 */
export type PingMode = 'icmp' | 'tcp';

let pingModeFound: Promise<PingMode> | null = null;
export function pingMode(): Promise<PingMode> {
  pingModeFound ??= new Promise((resolve) =>
    execFile('ping', ['-n', '-c', '1', '-W', '1', '127.0.0.1'], { timeout: 3000 }, (error) =>
      resolve(error ? 'tcp' : 'icmp'),
    ),
  );
  return pingModeFound;
}

export async function pingCheck(
  monitor: Monitor,
  policy: OutboundPolicy,
  signal: AbortSignal,
  mode: PingMode,
): Promise<MonitorCheckResult> {
  const started = performance.now();
  try {
    const pinned = await policy.resolve(monitor.target!, null);
    if (mode === 'icmp') {
      const seconds = String(Math.max(1, Math.ceil(monitor.timeoutMs / 1000)));
      const output = await new Promise<string>((resolve, reject) =>
        execFile('ping', ['-n', '-c', '1', '-W', seconds, pinned.address], { signal }, (error, stdout) =>
          error ? reject(new Error('no echo reply')) : resolve(stdout),
        ),
      );
      const time = /time[=<]([\d.]+)\s*ms/.exec(output)?.[1];
      return { ok: true, latencyMs: time ? Math.round(Number(time)) : elapsed(started), error: null };
    }
    let lastError: unknown = null;
    for (const port of [443, 80]) {
      try {
        return { ok: true, latencyMs: await connectTime(pinned.address, port, policy, signal), error: null };
      } catch (error) {
        // Refused is an answer: the host is there.
        if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED')
          return { ok: true, latencyMs: elapsed(started), error: null };
        lastError = error;
        if (signal.aborted) break;
      }
    }
    throw lastError;
  } catch (error) {
    return {
      ok: false,
      latencyMs: null,
      error: signal.aborted ? `timed out after ${monitor.timeoutMs} ms` : describe(error),
    };
  }
}
