// The load driver of bench/queries.ts, run in a process of its own so that its CPU is not counted
// in the gateway's. The parent sends a `config` message, then one `step` message per rate; for each
// step the driver answers `measuring` when its warm-up ends, `window-end` when the measured sends
// end (the parent reads CPU at both) and `result` once every request of the step is answered or abandoned.
// Open loop: request i of a step is due at start + i / rate whatever came back before, and its
// latency runs from when it was due, so a queue anywhere (gateway, sockets, this process) shows.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface DriverConfig {
  url: string;
  /** One header per caller: `authorization: Bearer …` or `x-api-key: …`. */
  credentials: Record<string, string>[];
  operations: { name: string; body: string }[];
  connections: number;
}
export interface DriverStep {
  rate: number;
  warmupMs: number;
  durationMs: number;
  timeoutMs: number;
}
export interface StepResult {
  /** Requests due in the measured window. */
  sent: number;
  /** Requests sent in the whole step, warm-up included. */
  sentInStep: number;
  /** Responses (of any request) that arrived during the window, per second. */
  achievedRate: number;
  /** Latencies of the window's requests, sorted; a timed-out request's runs until it was abandoned. */
  latencies: number[];
  byOperation: Record<string, number[]>;
  errors: number;
  errorKinds: Record<string, number>;
  /** The first message of each kind of error, to tell what failed. */
  errorMessages: Record<string, string>;
}
export type DriverMessage = { type: 'measuring' } | { type: 'window-end' } | { type: 'result'; result: StepResult };

let config: DriverConfig;
let url: URL;
let agent: Agent;

process.on('message', (message: { type: 'config'; config: DriverConfig } | { type: 'step'; step: DriverStep }) => {
  if (message.type === 'config') {
    config = message.config;
    url = new URL(config.url);
    agent = new Agent({ keepAlive: true, maxSockets: config.connections });
  } else void runStep(message.step).then((result) => send({ type: 'result', result }));
});
// Never outlive the benchmark, whatever stopped it.
process.on('disconnect', () => process.exit());

function send(message: DriverMessage) {
  process.send!(message);
}

type Failure = { kind: string; message: string } | null;

/** Resolves with what failed, or null for a 200 without `errors`. */
function post(index: number, timeoutMs: number): Promise<Failure> {
  const operation = config.operations[index % config.operations.length]!;
  // Each caller in turn sends every operation, so every caller sees the whole mix.
  const credential = config.credentials[Math.floor(index / config.operations.length) % config.credentials.length]!;
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(operation.body),
          ...credential,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          clearTimeout(timer);
          const body = Buffer.concat(chunks).toString();
          if (res.statusCode !== 200) {
            const failure = errorOf(body);
            return resolve({
              kind: `HTTP ${res.statusCode} ${failure?.kind ?? ''}`.trim(),
              message: body.slice(0, 200),
            });
          }
          // Parsing every answer would take CPU the services need: look inside only when it may hold errors.
          resolve(body.includes('"errors"') ? errorOf(body) : null);
        });
        res.on('error', (error) => resolve({ kind: error.message, message: error.message }));
      },
    );
    const timer = setTimeout(() => req.destroy(new Error('timeout')), timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({
        kind: error.message === 'timeout' ? 'timeout' : (error.code ?? error.message),
        message: error.message,
      });
    });
    req.end(operation.body);
  });
}

/** The first error's code and message; null when the body holds no error. */
function errorOf(body: string): Failure {
  try {
    const errors = (JSON.parse(body) as { errors?: { message: string; extensions?: { code?: string } }[] }).errors;
    const first = errors?.[0];
    return first ? { kind: first.extensions?.code ?? 'error without a code', message: first.message } : null;
  } catch {
    return { kind: 'non-JSON body', message: body.slice(0, 200) };
  }
}

async function runStep({ rate, warmupMs, durationMs, timeoutMs }: DriverStep): Promise<StepResult> {
  const started = performance.now();
  const windowStart = started + warmupMs;
  const windowEnd = windowStart + durationMs;
  const dueAt = (index: number) => started + (index * 1000) / rate;
  const result: StepResult = {
    sent: 0,
    sentInStep: 0,
    achievedRate: 0,
    latencies: [],
    byOperation: {},
    errors: 0,
    errorKinds: {},
    errorMessages: {},
  };
  let arrivedInWindow = 0;
  let measuring = false;
  const pending: Promise<void>[] = [];
  for (let index = 0; ;) {
    const now = performance.now();
    if (!measuring && now >= windowStart) {
      measuring = true;
      send({ type: 'measuring' });
    }
    // Every request due by now goes out now: a late timer makes a burst, never fewer requests.
    for (let due = dueAt(index); due <= now && due < windowEnd; due = dueAt(++index)) {
      const counted = due >= windowStart;
      const name = config.operations[index % config.operations.length]!.name;
      const sent = post(index, timeoutMs).then((failure) => {
        const arrived = performance.now();
        if (arrived >= windowStart && arrived < windowEnd) arrivedInWindow += 1;
        if (!counted) return;
        const latency = arrived - due;
        result.latencies.push(latency);
        (result.byOperation[name] ??= []).push(latency);
        if (failure) {
          result.errors += 1;
          result.errorKinds[failure.kind] = (result.errorKinds[failure.kind] ?? 0) + 1;
          result.errorMessages[failure.kind] ??= failure.message;
        }
      });
      pending.push(sent);
      if (counted) result.sent += 1;
    }
    if (now >= windowEnd) break;
    // Asleep until the next request is due (or the window opens): waking every millisecond costs CPU at low rates.
    const wake = Math.min(dueAt(index), measuring ? windowEnd : windowStart);
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, wake - performance.now())));
  }
  send({ type: 'window-end' });
  await Promise.all(pending);
  result.sentInStep = pending.length;
  result.achievedRate = arrivedInWindow / (durationMs / 1000);
  result.latencies.sort((a, b) => a - b);
  for (const samples of Object.values(result.byOperation)) samples.sort((a, b) => a - b);
  return result;
}
