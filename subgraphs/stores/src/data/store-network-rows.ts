import type { Prisma } from '../generated/prisma/client.ts';
import type { StoreNetwork } from '../domain/types.ts';

/**
 * Brings a store's network rows from `before` to `after` (matched by id), in an order the
 * per-statement constraints accept: removed rows go first, then changed rows, then new ones, so a
 * subnet or VLAN id freed by one network can be taken by another in the same change.
 */
export async function writeNetworks(
  tx: Prisma.TransactionClient,
  storeId: string,
  before: readonly StoreNetwork[],
  after: readonly StoreNetwork[],
): Promise<void> {
  const kept = new Set(after.map((network) => network.id));
  const removed = before.filter((network) => !kept.has(network.id)).map((network) => network.id);
  if (removed.length > 0) await tx.storeNetwork.deleteMany({ where: { storeId, id: { in: removed } } });
  const existing = new Map(before.map((network) => [network.id, network]));
  const changed = after.flatMap((network, position) => {
    const old = existing.get(network.id);
    return old && (JSON.stringify(old) !== JSON.stringify(network) || before.indexOf(old) !== position)
      ? [{ network, position }]
      : [];
  });
  for (const { network, position } of changed)
    await tx.storeNetwork.update({ where: { id: network.id }, data: networkColumns(network, position) });
  const added = after.flatMap((network, position) => (existing.has(network.id) ? [] : [{ network, position }]));
  if (added.length > 0)
    await tx.storeNetwork.createMany({
      data: added.map(({ network, position }) => ({ id: network.id, storeId, ...networkColumns(network, position) })),
    });
}

export function networkColumns(network: StoreNetwork, position: number) {
  return {
    position,
    purpose: network.purpose,
    name: network.name,
    vlanId: network.vlanId,
    subnet: network.subnet,
    gateway: network.gateway,
    dhcpStart: network.dhcpRange.start,
    dhcpEnd: network.dhcpRange.end,
  };
}
