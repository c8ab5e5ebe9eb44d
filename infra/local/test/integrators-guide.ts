import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { REPO_ROOT, eventually, freePort } from '@switchyard/testing';
import { createStore, login } from '@switchyard/testing/fixtures';
import { Webhook } from 'standardwebhooks';
import {
  documentedExamples,
  expectShownOutput,
  lastJsonLine,
  runShellExample,
  startShellExample,
  type Block,
} from './documented-examples.ts';

const GUIDE = 'docs/integrators.md';

/**
 * Every example of docs/integrators.md, run against a running system as an integrator would: with
 * the printed GraphQL URL and the API key that the guide's first example makes. Examples that run
 * until stopped (subscriptions, the webhook receiver) are started, sent changes until they print
 * one, then stopped. `server` is the settings the system was started with beyond the README's
 * defaults: an example that needs another (`(server: VAR=value)` in its marker) is left out.
 * Answers the names of the examples left out.
 */
export async function runIntegratorsGuide(
  api: string,
  admin: { email: string; password: string },
  server: Record<string, string> = {},
): Promise<string[]> {
  const guide = documentedExamples(GUIDE);
  for (const [file, quoted] of guide.files) expect(quoted.code).toBe(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
  const marked = new Set([...guide.examples.values(), ...guide.files.values()]);
  expect(guide.runnable.filter((block) => !marked.has(block))).toEqual([]);
  for (const [name, example] of guide.examples) {
    expect({ name, language: example.language }).toEqual({ name, language: 'sh' });
    if (!guide.outputs.has(name)) throw new Error(`${GUIDE}: example ${name} shows no output to check`);
  }

  const env = { SWITCHYARD_URL: api };
  const run = async (name: string, extra: Record<string, string> = {}) => {
    const stdout = await runShellExample(example(name), { ...env, ...extra });
    try {
      expectShownOutput(stdout, guide.outputs.get(name)!);
    } catch (error) {
      throw new Error(`${GUIDE}, example ${name}: ${(error as Error).message}`, { cause: error });
    }
    return stdout;
  };
  const example = (name: string): Block => {
    const block = guide.examples.get(name);
    if (!block) throw new Error(`${GUIDE} has no example ${name}`);
    return block;
  };

  const created = lastJsonLine(
    await run('create-key', { SWITCHYARD_EMAIL: admin.email, SWITCHYARD_PASSWORD: admin.password }),
  ) as { data: { createApiKey: { secret: string } } };
  Object.assign(env, { SWITCHYARD_API_KEY: created.data.createApiKey.secret });

  const ran = new Set(['create-key']);
  const { accessToken } = await login(api, admin.email, admin.password);
  const storeChange = () => createStore(api, accessToken, { name: `Guide ${randomUUID().slice(0, 6)}` });

  const leftOut: string[] = [];
  for (const [name, block] of guide.examples) {
    if (ran.has(name)) continue;
    if (block.server && server[block.server.variable] !== block.server.value) {
      leftOut.push(name);
      continue;
    }
    if (name === 'subscribe' || name === 'sse') {
      const running = startShellExample(example(name), env);
      try {
        await untilShown(name, running, storeChange);
        // The graphql-ws script is told to stop after one event, and does.
        if (name === 'subscribe') expect(await running.exited).toBe(0);
      } finally {
        await running.stop();
      }
      continue;
    }
    if (name === 'webhook-create') {
      await webhookExamples();
      continue;
    }
    const stdout = await run(name);
    if (name === 'idempotency') {
      const [first, second] = stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
      expect(second).toEqual(first);
    }
    if (name === 'list-stores') {
      // Every store once, over several pages of 5.
      const codes = stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t')[0]);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes.length).toBe(await storeCount());
      expect(codes.length).toBeGreaterThan(5);
    }
  }

  return leftOut;

  async function storeCount() {
    const response = await fetch(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: '{ stores { totalCount } }' }),
    });
    return ((await response.json()) as { data: { stores: { totalCount: number } } }).data.stores.totalCount;
  }

  /** Until a running example printed what the guide shows, making a change each second it has not. */
  async function untilShown(
    name: string,
    running: ReturnType<typeof startShellExample>,
    change: () => Promise<unknown>,
  ) {
    await eventually(
      async () => {
        try {
          expectShownOutput(running.output(), guide.outputs.get(name)!);
          return true;
        } catch {
          await change();
          return false;
        }
      },
      30_000,
      1_000,
    ).catch(() => {
      throw new Error(`${name} printed:\n${running.output()}\n${running.errors()}`);
    });
  }

  /**
   * The Webhooks section in its order: register an endpoint for the guide's receiver, start the
   * receiver with the secret answered, ping it, change a store, read the delivery log.
   */
  async function webhookExamples() {
    const port = String(await freePort());
    const created = lastJsonLine(await run('webhook-create', { RECEIVER_PORT: port })) as {
      data: { createWebhookEndpoint: { secret: string; endpoint: { id: string } } };
    };
    const { secret, endpoint } = created.data.createWebhookEndpoint;
    const receiver = startShellExample(example('webhook-receiver'), {
      ...env,
      RECEIVER_PORT: port,
      WEBHOOK_SECRET: secret,
    });
    try {
      await eventually(async () => receiver.errors().includes('listening on'), 15_000).catch(() => {
        throw new Error(`the receiver did not start:\n${receiver.output()}\n${receiver.errors()}`);
      });
      await expectSignaturesChecked(`http://127.0.0.1:${port}/webhooks`, secret, receiver);
      await run('webhook-ping', { WEBHOOK_ENDPOINT_ID: endpoint.id });
      await untilShown('webhook-receiver', receiver, storeChange);
      // The ping's answer is recorded just after the receiver printed it.
      await eventually(
        async () =>
          run('webhook-deliveries', { WEBHOOK_ENDPOINT_ID: endpoint.id }).then(
            () => true,
            () => false,
          ),
        15_000,
      ).catch(() => run('webhook-deliveries', { WEBHOOK_ENDPOINT_ID: endpoint.id }));
    } finally {
      await receiver.stop();
    }
    for (const name of ['webhook-create', 'webhook-receiver', 'webhook-ping', 'webhook-deliveries']) ran.add(name);
  }
}

/**
 * The receiver really verifies: the same request with its body changed, or without a signature, is
 * answered 400; signed with its secret, it is answered 204 and printed.
 */
async function expectSignaturesChecked(url: string, secret: string, receiver: ReturnType<typeof startShellExample>) {
  const id = `msg_guide_${randomUUID()}`;
  const now = new Date();
  const body = JSON.stringify({
    id: randomUUID(),
    type: 'guide.signed',
    occurredAt: now.toISOString(),
    data: { n: 1 },
  });
  const unsigned = {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
  };
  const headers = { ...unsigned, 'webhook-signature': new Webhook(secret).sign(id, now, body) };
  const post = (init: { headers: Record<string, string>; body: string }) =>
    fetch(url, { method: 'POST', ...init }).then((response) => response.status);
  expect(await post({ headers, body: body.replace('"n":1', '"n":2') })).toBe(400);
  expect(await post({ headers: unsigned, body })).toBe(400);
  expect(await post({ headers, body })).toBe(204);
  await eventually(async () => receiver.output().includes(`guide.signed\t${id}\n`), 5_000);
  expect(receiver.errors()).toMatch(/refused: /);
}
