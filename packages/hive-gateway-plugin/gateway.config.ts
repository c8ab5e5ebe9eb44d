// Hive Gateway in front of the subgraphs, as the README's "Another gateway in front (Hive Gateway)" runs it:
//   node --import tsx node_modules/@graphql-hive/gateway/dist/bin.js supergraph gateway/supergraph.graphql \
//     -c packages/hive-gateway-plugin/gateway.config.ts
// with INTERNAL_SIGNING_SECRET, JWT_SECRET, IDENTITY_URL (and <NAME>_URL for subgraphs not at their supergraph URL).
import { defineConfig } from '@graphql-hive/gateway';
import { createLogger, loadConfigOrExit } from '@switchyard/shared';
import { hivePluginConfigSchema, switchyardHiveGateway } from './src/index.ts';

const config = loadConfigOrExit('hive-gateway', hivePluginConfigSchema);
const { gatewayConfig: switchyard } = switchyardHiveGateway(config, createLogger('hive-gateway', config.logLevel));

export const gatewayConfig = defineConfig({ ...switchyard });
