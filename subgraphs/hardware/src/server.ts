import { defineSubgraph, mountHardwareSummaryRoute, mountHubsRoute } from '@switchyard/shared';
import { createContext, createServices, type HardwareDeps } from './context.ts';
import { resolvers } from './resolvers/index.ts';
import { mountHubitatEventsRoute } from './routes/hubitat-events-route.ts';

const subgraph = defineSubgraph({
  name: 'hardware',
  schemaUrl: new URL('../schema.graphql', import.meta.url),
  resolvers,
  createServices: (deps: HardwareDeps) => createServices(deps),
  createContext,
  internalRoutes: (router, { assets, devices, hubs }) => {
    mountHardwareSummaryRoute(router, async (storeId) => {
      const [allocatedAssets, summary] = await Promise.all([
        assets.countAllocatedTo(storeId),
        devices.summaryForStore(storeId),
      ]);
      return { allocatedAssets, hubs: summary.hubs, devices: summary.devices };
    });
    mountHubsRoute(router, () => hubs.list());
  },
  // Hubs POST their events here without the gateway; the route checks the hub's secret itself.
  publicRoutes: (router, services) => mountHubitatEventsRoute(router, services),
});

export const { typeDefs } = subgraph;

/** The hardware subgraph's HTTP app; no listening, no environment, no timers: index.ts and tests call this. */
export async function createServer(deps: HardwareDeps) {
  const server = await subgraph.createServer(deps);
  return {
    ...server,
    async stop() {
      // Events already accepted are committed before the database closes.
      await server.services.ingest.idle();
      await server.stop();
    },
  };
}
