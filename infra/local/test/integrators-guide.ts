import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { REPO_ROOT, eventually } from '@switchyard/testing';
import { createStore, login } from '@switchyard/testing/fixtures';
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
 * until stopped (subscriptions) are started, sent changes until they print one, then stopped.
 */
export async function runIntegratorsGuide(api: string, admin: { email: string; password: string }) {
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

  for (const name of guide.examples.keys()) {
    if (ran.has(name)) continue;
    if (name === 'subscribe' || name === 'sse') {
      await followUntilAChange(name, storeChange);
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

  async function storeCount() {
    const response = await fetch(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: '{ stores { totalCount } }' }),
    });
    return ((await response.json()) as { data: { stores: { totalCount: number } } }).data.stores.totalCount;
  }

  /** Starts a subscription example and changes stores until it printed what the guide shows. */
  async function followUntilAChange(name: string, change: () => Promise<unknown>) {
    const running = startShellExample(example(name), env);
    try {
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
      // The graphql-ws script is told to stop after one event, and does.
      if (name === 'subscribe') expect(await running.exited).toBe(0);
    } finally {
      await running.stop();
    }
  }
}
