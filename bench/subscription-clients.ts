// The subscribers of bench/subscriptions.ts, in a process of their own so that their load does not
// share the benchmark's (or the gateway's) event loop. Started with child_process.fork; talks over IPC:
//   in:  { type: 'start', url, tokens, subscribers, connectRate, query, variables, expectedEmail }
//        { type: 'collect', expected, timeoutMs }
//   out: { type: 'ready', refused } once every subscriber is connected (or was refused)
//        { type: 'receipts', receipts: [update, epochMs[]][], errors } when `expected` arrived or the timeout passed
// Receipt times are epoch milliseconds (performance.timeOrigin + performance.now()), comparable with
// the parent's on the same machine.
import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

interface Start {
  type: 'start';
  url: string;
  tokens: string[];
  subscribers: number;
  connectRate: number;
  query: string;
  variables: Record<string, unknown>;
  expectedEmail: string;
}
interface Collect {
  type: 'collect';
  expected: number;
  timeoutMs: number;
}
type StoreChanged = { storeChanged: { store: { name: string; createdBy: { email: string } | null } | null } };

const received = new Map<number, number[]>();
const clients: Client[] = [];
let count = 0;
let errors = 0;

process.on('message', (message: Start | Collect) => {
  if (message.type === 'start') void start(message);
  else void collect(message);
});

async function start({ url, tokens, subscribers, connectRate, query, variables, expectedEmail }: Start) {
  const started = performance.now();
  let connected = 0;
  let refused = 0;
  for (let i = 0; i < subscribers; i++) {
    let settled = false;
    // Round-robin over the users: subscriber i is user i mod N.
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${tokens[i % tokens.length]}` },
      // As an app's client does: a gateway that answers 1013 (try again later) while identity is
      // swamped by a wave of sign-ins is asked again, with graphql-ws's randomised back-off.
      retryAttempts: 5,
      on: {
        connected: () => {
          if (!settled) connected += 1;
          settled = true;
        },
      },
    });
    const refuse = (error: unknown) => {
      if (settled) return;
      settled = true;
      refused += 1;
      const { code, reason } = error as { code?: number; reason?: string };
      if (refused <= 5) console.error(`connection refused: ${code} ${reason}`);
    };
    clients.push(client);
    client.subscribe<StoreChanged>(
      { query, variables },
      {
        next: (result) => {
          const at = performance.timeOrigin + performance.now();
          const store = result.data?.storeChanged.store;
          const update = store ? Number(store.name.replace('Bench ', '')) : NaN;
          if (Number.isNaN(update) || update <= 0) return;
          if (store!.createdBy?.email !== expectedEmail) {
            errors += 1;
            return;
          }
          const times = received.get(update) ?? [];
          times.push(at);
          received.set(update, times);
          count += 1;
        },
        error: (error) => {
          refuse(error);
          errors += 1;
          // A close event (its code and reason) or the errors of an `error` message.
          const { code, reason } = error as { code?: number; reason?: string };
          if (errors <= 5) console.error('subscription error', code ? `${code} ${reason}` : JSON.stringify(error));
        },
        complete: () => {},
      },
    );
    // Clients arrive at connectRate a second: a burst of 10,000 upgrades at once only measures the
    // backlog (and, for distinct users, identity signing everyone in at the same instant).
    if (i % 50 === 49) await sleep(Math.max(0, started + ((i + 1) * 1000) / connectRate - performance.now()));
  }
  while (connected + refused < subscribers) await sleep(50);
  process.send!({ type: 'ready', refused });
}

async function collect({ expected, timeoutMs }: Collect) {
  const deadline = Date.now() + timeoutMs;
  while (count < expected && Date.now() < deadline) await sleep(100);
  process.send!({ type: 'receipts', receipts: [...received.entries()], errors }, () => {
    void Promise.all(clients.map((client) => client.dispose())).then(() => process.exit(0));
  });
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
