import { createLogger, loadConfigOrExit, serve, startTracing, withEmbeddedSecrets } from '@switchyard/shared';
import { gatewayEnvSchema, withSupergraph } from './config.ts';
import { createGatewayServer } from './server.ts';
import { readSupergraph, subgraphUrlsOf } from './supergraph.ts';

const env = withEmbeddedSecrets(process.env, ['INTERNAL_SIGNING_SECRET', 'JWT_SECRET']);
const parsed = loadConfigOrExit('gateway', gatewayEnvSchema, env);
let supergraphSdl: string;
let subgraphUrls: Record<string, string>;
try {
  supergraphSdl = readSupergraph(parsed.supergraphFile);
  subgraphUrls = subgraphUrlsOf(supergraphSdl, env);
} catch (error) {
  const source = parsed.supergraphFile ? `SUPERGRAPH_FILE ${parsed.supergraphFile}` : 'the supergraph';
  process.stderr.write(`gateway: config error: ${source}: ${(error as Error).message}\n`);
  process.exit(1);
}
const config = withSupergraph(parsed, subgraphUrls);
const logger = createLogger('gateway', config.logLevel);
const tracing = await startTracing('switchyard-gateway', config.otlpEndpoint);
const gateway = await createGatewayServer({ config, logger, supergraphSdl });

const server = await serve(gateway.app, {
  ...config.http,
  logger,
  onShutdown: async () => {
    await gateway.stop();
    await tracing.shutdown();
  },
});
gateway.attachWebSocket(server);
logger.info(
  { url: `http://${config.http.host}:${config.http.port}/graphql`, subgraphs: Object.keys(subgraphUrls) },
  'gateway ready',
);
