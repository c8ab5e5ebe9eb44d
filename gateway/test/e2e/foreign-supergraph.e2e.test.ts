import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { REPO_ROOT, eventually, freePort, graphql, listen } from '@switchyard/testing';

/** Another team's two subgraphs: accounts knows users and who is asking, reviews extends User. */
const ACCOUNTS = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { me: User, whoAsks: String }
  type User @key(fields: "id") { id: ID!, name: String! }
`);
const REVIEWS = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type User @key(fields: "id") { id: ID!, reviews: [Review!]! }
  type Review { body: String! }
`);

type Headers = Record<string, string | string[] | undefined>;
type SubgraphResolvers = Extract<Parameters<typeof buildSubgraphSchema>[0], { resolvers?: unknown }>['resolvers'];

/** A subgraph on a free port, answering with the request's headers at hand. */
async function startSubgraph(typeDefs: ReturnType<typeof parse>, resolvers: SubgraphResolvers) {
  const apollo = new ApolloServer<{ headers: Headers }>({ schema: buildSubgraphSchema({ typeDefs, resolvers }) });
  await apollo.start();
  const server: Server = createServer(async (req, res) => {
    if (req.url === '/ready') return void res.writeHead(404).end();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method!,
        headers: new Map(Object.entries(req.headers).map(([k, v]) => [k, String(v)])) as never,
        search: '',
        body: JSON.parse(Buffer.concat(chunks).toString() || '{}'),
      },
      context: async () => ({ headers: req.headers }),
    });
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
    res.end(answer.body.kind === 'complete' ? answer.body.string : '');
  });
  const url = `${await listen(server)}/graphql`;
  return { url, stop: async () => (server.close(), await apollo.stop()) };
}

/** `npm start -w @switchyard/gateway`, as the README shows, with only the variables it names. */
function startGateway(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number>;
} {
  const child = spawn('npm', ['start', '--silent', '-w', '@switchyard/gateway'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), LOG_LEVEL: 'warn', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
  return { child, output: () => chunks.join(''), exited };
}

describe("the gateway in front of another team's supergraph (SUPERGRAPH_FILE)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchyard-foreign-'));
  const supergraphFile = path.join(dir, 'supergraph.graphql');
  let accounts: Awaited<ReturnType<typeof startSubgraph>>;
  let reviews: Awaited<ReturnType<typeof startSubgraph>>;
  let gateway: ReturnType<typeof startGateway>;
  let gatewayUrl: string;

  beforeAll(async () => {
    accounts = await startSubgraph(ACCOUNTS, {
      Query: {
        me: () => ({ id: 'u1', name: 'Ada' }),
        whoAsks: (_: unknown, __: unknown, context: unknown) => {
          const { headers } = context as { headers: Headers };
          return `${headers.authorization ?? '-'} ${headers['x-api-key'] ?? '-'}`;
        },
      },
      User: { __resolveReference: ({ id }: { id: string }) => ({ id, name: 'Ada' }) },
    });
    reviews = await startSubgraph(REVIEWS, {
      User: { __resolveReference: ({ id }: { id: string }) => ({ id, reviews: [{ body: `${id}: great` }] }) },
    });
    // The supergraph names an accounts URL that is wrong on purpose: ACCOUNTS_URL corrects it.
    const composed = composeServices([
      { name: 'accounts', url: 'http://127.0.0.1:9/graphql', typeDefs: ACCOUNTS },
      { name: 'reviews', url: reviews.url, typeDefs: REVIEWS },
    ]);
    if (composed.errors) throw composed.errors[0];
    writeFileSync(supergraphFile, composed.supergraphSdl);
    const port = await freePort();
    gateway = startGateway({
      SUPERGRAPH_FILE: supergraphFile,
      PORT: String(port),
      ACCOUNTS_URL: accounts.url,
      DATA_DIR: path.join(dir, 'data'),
    });
    gatewayUrl = `http://127.0.0.1:${port}/graphql`;
    await eventually(async () => (await fetch(gatewayUrl.replace('/graphql', '/ready')).catch(() => null))?.ok, 60_000);
  }, 90_000);
  afterAll(async () => {
    if (gateway?.child.exitCode === null) process.kill(-gateway.child.pid!, 'SIGTERM');
    await gateway?.exited;
    await accounts?.stop();
    await reviews?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans across its subgraphs at the URLs of @join__graph and <NAME>_URL', async () => {
    const answer = await graphql(gatewayUrl, '{ me { name reviews { body } } }');
    expect(answer).toMatchObject({ status: 200, data: { me: { name: 'Ada', reviews: [{ body: 'u1: great' }] } } });
    expect(answer.errors).toBeUndefined();
  });

  it('authenticates nobody and passes the caller credentials to the subgraphs unchanged', async () => {
    const answer = await graphql(gatewayUrl, '{ whoAsks }', {}, { authorization: 'Bearer theirs', 'x-api-key': 'k1' });
    expect(answer.data).toEqual({ whoAsks: 'Bearer theirs k1' });
    expect((await graphql(gatewayUrl, '{ whoAsks }')).data).toEqual({ whoAsks: '- -' });
  });

  it('applies no cost or anonymous rate limit unless set', async () => {
    // 600 operations of cost 21 (a list of the default size 20): beyond the product's default 10,000 a minute.
    const refused: unknown[] = [];
    for (let batch = 0; batch < 6; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 100 }, () => graphql(gatewayUrl, '{ me { reviews { body } } }')),
      );
      refused.push(...answers.filter((answer) => answer.errors).map((answer) => answer.errors));
    }
    expect(refused).toEqual([]);
  });

  it('refuses to start without a URL for a subgraph, naming the variable', async () => {
    const composed = composeServices([
      { name: 'product-catalog', url: '', typeDefs: ACCOUNTS },
      { name: 'reviews', url: reviews.url, typeDefs: REVIEWS },
    ]);
    const file = path.join(dir, 'no-url.graphql');
    writeFileSync(file, composed.supergraphSdl!);
    const failed = startGateway({ SUPERGRAPH_FILE: file, PORT: String(await freePort()), DATA_DIR: dir });
    expect(await failed.exited).toBe(1);
    expect(failed.output()).toContain('set PRODUCT_CATALOG_URL');
  });
});
