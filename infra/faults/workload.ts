import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const CREATE = `mutation ($name: String!) {
  createStore(input: { name: $name, type: STANDARD, timezone: "Europe/Berlin",
    address: { line1: "1 Main St", city: "Berlin", postalCode: "10115", country: "DE" } }) { id version }
}`;
const RENAME = `mutation ($id: ID!, $v: Int!, $name: String!) {
  updateStore(id: $id, expectedVersion: $v, input: { name: $name }) { version }
}`;
const VERSION = 'query ($id: ID!) { store(id: $id) { version } }';
const STORE_CHANGED = 'subscription { storeChanged { storeId version } }';
const REQUEST_TIMEOUT_MS = 5_000;

interface Acknowledged {
  key: string;
  at: number;
}

async function post(url: string, token: string, query: string, variables: Record<string, unknown>) {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return (await response.json()) as {
      data?: Record<string, { id: string; version: number } | null> | null;
      errors?: unknown[];
    };
  } catch {
    return { data: null };
  }
}

/**
 * One subscriber as the web client is one: it follows `extensions.cursor` on its subscribe payload,
 * so after any reconnect (graphql-ws retries forever) or a subscription that ended with an error,
 * it asks for what came after the last event it saw. Counts each (store, version) it receives and
 * notes when the first came.
 */
function resumingSubscriber(gatewayUrl: string, token: string) {
  const received = new Map<string, number>();
  const receivedAt = new Map<string, number>();
  const payload: { query: string; extensions: Record<string, unknown> } = { query: STORE_CHANGED, extensions: {} };
  let gaps = 0;
  let stopped = false;
  const client = createClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    onNonLazyError: () => {},
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: () => sleep(250),
  });
  const subscribe = () =>
    client.subscribe<{ storeChanged: { storeId: string; version: number } }, { cursor?: unknown }>(payload, {
      next: ({ data, errors, extensions }) => {
        if (typeof extensions?.cursor === 'string') payload.extensions = { cursor: extensions.cursor };
        if ((errors ?? []).some((error) => error.extensions?.code === 'EVENTS_GAP')) gaps++;
        if (!data?.storeChanged) return;
        const key = `${data.storeChanged.storeId}:${data.storeChanged.version}`;
        received.set(key, (received.get(key) ?? 0) + 1);
        if (!receivedAt.has(key)) receivedAt.set(key, performance.now());
      },
      // The subscription itself ended (e.g. its subgraph was unavailable when it began): start again from the cursor.
      error: () => void (stopped || sleep(250).then(subscribe)),
      complete: () => void (stopped || sleep(250).then(subscribe)),
    });
  subscribe();
  return {
    received,
    receivedAt,
    get gaps() {
      return gaps;
    },
    async stop() {
      stopped = true;
      await client.dispose();
    },
  };
}

export type Subscriber = ReturnType<typeof resumingSubscriber>;

/**
 * Bounded write load through a gateway: each store is renamed `perStoreRate` times a second, one
 * write in flight per store (as independent users write). A write is acknowledged when its response
 * carries the new version; after an error the writer reads the version again (the write may have
 * committed anyway) and goes on.
 */
export async function startWorkload(options: {
  /** Where the subscribers are. */
  gatewayUrl: string;
  /** Where the writes go: another gateway replica, so that writes go on while the subscribers' gateway is down. */
  writeUrl: string;
  token: string;
  stores: number;
  perStoreRate: number;
  subscribers: number;
}) {
  const { gatewayUrl, writeUrl, token } = options;
  const stores: { id: string; version: number }[] = [];
  for (let index = 0; index < options.stores; index++) {
    const created = await post(writeUrl, token, CREATE, { name: `Fault suite ${index}` });
    if (!created.data?.createStore) throw new Error(`could not create a store: ${JSON.stringify(created.errors)}`);
    stores.push(created.data.createStore);
  }
  const acknowledged: Acknowledged[] = [];
  let writing = false;
  let writers: Promise<void>[] = [];
  let subscribers: Subscriber[] = [];
  let counter = 0;

  async function write(store: { id: string; version: number }): Promise<boolean> {
    const renamed = await post(writeUrl, token, RENAME, { id: store.id, v: store.version, name: `w${++counter}` });
    const version = renamed.data?.updateStore?.version as number | undefined;
    if (version !== undefined) {
      store.version = version;
      acknowledged.push({ key: `${store.id}:${version}`, at: performance.now() });
      return true;
    }
    const current = await post(writeUrl, token, VERSION, { id: store.id });
    if (current.data?.store) store.version = current.data.store.version;
    return false;
  }

  async function writeLoop(store: { id: string; version: number }) {
    const intervalMs = 1000 / options.perStoreRate;
    while (writing) {
      const started = performance.now();
      await write(store);
      await sleep(Math.max(0, intervalMs - (performance.now() - started)));
    }
  }

  const everyoneHas = (keys: string[]) =>
    subscribers.every((subscriber) => keys.every((key) => subscriber.received.has(key)));

  return {
    acknowledged,
    get subscribers() {
      return subscribers;
    },
    /** Fresh subscribers, ready once each has received a whole round of writes (one to every store). */
    async subscribe() {
      subscribers = Array.from({ length: options.subscribers }, () => resumingSubscriber(gatewayUrl, token));
      const deadline = performance.now() + 60_000;
      while (performance.now() < deadline) {
        const round = acknowledged.length;
        for (const store of stores) await write(store);
        const keys = acknowledged.slice(round).map(({ key }) => key);
        await this.drain(keys, 2_000);
        if (keys.length === stores.length && everyoneHas(keys)) return;
      }
      throw new Error('the subscribers did not all receive one round of writes within 60 s');
    },
    start() {
      writing = true;
      writers = stores.map((store) => writeLoop(store));
    },
    async stop() {
      writing = false;
      await Promise.all(writers);
    },
    /** Waits (up to `timeoutMs`) until every subscriber has every acknowledged write in `keys`. */
    async drain(keys: string[], timeoutMs: number) {
      const deadline = performance.now() + timeoutMs;
      while (!everyoneHas(keys) && performance.now() < deadline) await sleep(200);
    },
    async unsubscribe() {
      await Promise.all(subscribers.map((subscriber) => subscriber.stop()));
      subscribers = [];
    },
  };
}

export type Workload = Awaited<ReturnType<typeof startWorkload>>;
