import { Worker } from 'node:worker_threads';
import { bearer, graphql } from './graphql-client.ts';

/** Operations and helpers for the hardware subgraph's end-to-end suites. */
const DEVICE_FIELDS = 'id hubDeviceId label name type room capabilities attributes { name value unit } commands { name arguments }';

export const REGISTER_HUB = `mutation ($input: RegisterHubInput!) { registerHub(input: $input) { id name status mode store { id } devices { ${DEVICE_FIELDS} } } }`;

export const SEND_COMMAND = `mutation ($deviceId: ID!, $command: String!, $args: [String!], $hubId: ID) {
  sendDeviceCommand(deviceId: $deviceId, command: $command, args: $args, hubId: $hubId) { command arguments device { id } }
}`;

export async function registerHub(gatewayUrl: string, adminToken: string, input: Record<string, unknown>) {
  const response = await graphql(gatewayUrl, REGISTER_HUB, { input }, bearer(adminToken));
  if (!response.data?.registerHub) throw new Error(`registerHub failed: ${JSON.stringify(response.errors)}`);
  return { hub: response.data.registerHub, response };
}

/** Sends `count` events at `perSecond` to a hub's events URL from a worker thread; resolves with the final statuses. */
export async function sendEventBurst(options: { url: string; count: number; perSecond: number; deviceId: string }): Promise<{ statuses: Record<string, number> }> {
  const worker = new Worker(new URL('./hub-event-burst.mjs', import.meta.url), { workerData: options });
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}
