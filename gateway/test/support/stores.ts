import { randomUUID } from 'node:crypto';
import { bearer, graphql } from './graphql-client.ts';

/** Store fixtures for end-to-end suites: unique names, and subnets in 172.16.0.0/12 (clear of the demo stores' 10.0.0.0/8). */
export const STORE_FIELDS = 'id code name type status version openedAt provisioningProgress provisioningSteps { key done } network { subnet }';

let subnets = 0;

export function uniqueNetwork() {
  subnets += 1;
  const prefix = `172.${16 + Math.floor(subnets / 256)}.${subnets % 256}`;
  return { vlanId: 10, subnet: `${prefix}.0/24`, gateway: `${prefix}.1`, dhcpRange: { start: `${prefix}.100`, end: `${prefix}.200` } };
}

export function storeInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `Store ${randomUUID().slice(0, 8)}`,
    type: 'STANDARD',
    address: { line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    timezone: 'Europe/Berlin',
    ...overrides,
  };
}

/** Creates the stores in requests of `batchSize` aliased createStore mutations; throws on the first error. */
export async function createStores(gatewayUrl: string, token: string, inputs: Record<string, unknown>[], batchSize = 50): Promise<any[]> {
  const created: any[] = [];
  for (let start = 0; start < inputs.length; start += batchSize) {
    const batch = inputs.slice(start, start + batchSize);
    const variables = Object.fromEntries(batch.map((input, i) => [`i${i}`, input]));
    const query = `mutation (${batch.map((_, i) => `$i${i}: CreateStoreInput!`).join(', ')}) {
      ${batch.map((_, i) => `s${i}: createStore(input: $i${i}) { ${STORE_FIELDS} }`).join('\n')}
    }`;
    const response = await graphql(gatewayUrl, query, variables, bearer(token));
    if (response.errors) throw new Error(`createStore failed: ${JSON.stringify(response.errors)}`);
    created.push(...batch.map((_, i) => response.data[`s${i}`]));
  }
  return created;
}

export async function createStore(gatewayUrl: string, token: string, overrides: Record<string, unknown> = {}): Promise<any> {
  return (await createStores(gatewayUrl, token, [storeInput(overrides)]))[0];
}
