import { createLogger, loadConfigOrExit, serve, startTracing, withEmbeddedSecrets } from '@switchyard/shared';
import { gatewayEnvSchema } from './config.ts';
import { createGatewayServer } from './server.ts';
import { readSupergraph } from './supergraph.ts';

const config = loadConfigOrExit(
  'gateway',
  gatewayEnvSchema,
  withEmbeddedSecrets(process.env, ['INTERNAL_SIGNING_SECRET', 'JWT_SECRET']),
);
const logger = createLogger('gateway', config.logLevel);
const tracing = await startTracing('switchyard-gateway', config.otlpEndpoint);
const gateway = await createGatewayServer({ config, logger, supergraphSdl: readSupergraph() });

const server = await serve(gateway.app, {
  ...config.http,
  logger,
  onShutdown: async () => {
    await gateway.stop();
    await tracing.shutdown();
  },
});
gateway.attachWebSocket(server);
logger.info({ url: `http://${config.http.host}:${config.http.port}/graphql` }, 'gateway ready');
