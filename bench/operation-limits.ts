// npm run bench:limits [-- --seconds 10 --rate 10]
// The gateway under operation bombs (issue 13's alias, size, token, depth and cost attacks): how
// long each takes to be refused, and another signed-in client's latency while `rate` bombs a second
// arrive. Prints the figures (targets: each refusal < 50 ms, the other client's p99 < 200 ms).
// Uses PostgreSQL (+ Redis) when TEST_DATABASE_URL (+ TEST_REDIS_URL) are set, PGlite otherwise.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { bearer, codesOf, graphql } from '@switchyard/testing';
import { OPERATION_BOMBS, login } from '@switchyard/testing/fixtures';
import { startSystem } from '@switchyard/testing/system';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, rate: { type: 'string', default: '10' } },
});
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const backend = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';

const percentile = (samples: number[], p: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

const system = await startSystem(backend, {
  subgraphs: ['identity', 'hardware', 'stores'],
  env: { LOG_LEVEL: 'warn' },
});
try {
  const token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
  const other = () => graphql(system.gatewayUrl, '{ me { email } }', {}, bearer(token));
  for (let i = 0; i < 20; i += 1) await other(); // warm-up

  console.log(`backend: ${backend}\nrefusal time of each bomb (median of 10):`);
  for (const [rule, query] of OPERATION_BOMBS) {
    const samples: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const [response, elapsed] = await timed(() => graphql(system.gatewayUrl, query, {}, bearer(token)));
      if (codesOf(response)[0] !== 'OPERATION_TOO_COMPLEX') throw new Error(`${rule} bomb not refused`);
      samples.push(elapsed);
    }
    console.log(
      `  ${rule.padEnd(8)} ${(query.length / 1024).toFixed(1).padStart(6)} KB  ${ms(percentile(samples, 50))}`,
    );
  }

  const quiet: number[] = [];
  for (let i = 0; i < 100; i += 1) quiet.push((await timed(other))[1]);

  let bombing = true;
  let sent = 0;
  const bombs = (async () => {
    const pending: Promise<unknown>[] = [];
    while (bombing) {
      pending.push(graphql(system.gatewayUrl, OPERATION_BOMBS[sent++ % OPERATION_BOMBS.length]![1]));
      await new Promise((resolve) => setTimeout(resolve, 1000 / rate));
    }
    await Promise.all(pending);
  })();
  const underAttack: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) underAttack.push((await timed(other))[1]);
  bombing = false;
  await bombs;

  const line = (samples: number[]) =>
    `p50 ${ms(percentile(samples, 50))}, p99 ${ms(percentile(samples, 99))} (${samples.length} requests)`;
  console.log(`another client's { me { email } }:`);
  console.log(`  alone:                          ${line(quiet)}`);
  console.log(`  while ${rate} bombs/s arrive (${sent} sent): ${line(underAttack)}`);
} finally {
  await system.destroy();
}
