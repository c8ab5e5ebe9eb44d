import type { StoreNetwork } from './types.ts';
import {
  checkNetworkFits,
  firstPlan,
  initialNetworks,
  withFirstPlan,
  withNetworkAdded,
  withNetworkRemoved,
  withNetworkUpdated,
} from './store-networks.ts';

const plan = (third: number, vlanId = third) => ({
  vlanId,
  subnet: `10.1.${third}.0/24`,
  gateway: `10.1.${third}.1`,
  dhcpRange: { start: `10.1.${third}.100`, end: `10.1.${third}.200` },
});
const network = (id: string, third: number, vlanId = third): StoreNetwork => ({
  id,
  purpose: 'POS',
  name: `Net ${id}`,
  ...plan(third, vlanId),
});
const ids = () => {
  let next = 0;
  return () => `id-${(next += 1)}`;
};

describe('store networks', () => {
  const two = [network('a', 1), network('b', 2)];

  it('refuses a VLAN id the store already uses and a subnet overlapping one of its networks', () => {
    expect(() => checkNetworkFits(two, plan(3, 2), 'input')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.vlanId' }),
      }),
    );
    const wide = { ...plan(3), subnet: '10.1.0.0/16', gateway: '10.1.3.1' };
    expect(() => checkNetworkFits(two, wide, 'input.networks.1')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: 'input.networks.1.subnet' }) }),
    );
    expect(() => checkNetworkFits(two, plan(3), 'input')).not.toThrow();
  });

  it('adds at the end, updates in place and removes by id; unknown ids are NOT_FOUND', () => {
    const added = withNetworkAdded(two, { purpose: 'GUEST_WIFI', name: 'Guests', ...plan(3) }, 'c');
    expect(added.map((n) => [n.id, n.vlanId])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    const updated = withNetworkUpdated(added, 'b', { purpose: 'CAMERAS', name: 'Cams', ...plan(2, 20) });
    expect(updated[1]).toMatchObject({ id: 'b', purpose: 'CAMERAS', name: 'Cams', vlanId: 20 });
    // A network may keep its own VLAN id and subnet when it changes.
    expect(() => withNetworkUpdated(added, 'b', { purpose: 'POS', name: 'Same', ...plan(2) })).not.toThrow();
    expect(withNetworkRemoved(updated, 'a').map((n) => n.id)).toEqual(['b', 'c']);
    for (const attempt of [
      () => withNetworkUpdated(two, 'zzz', { purpose: 'POS', name: 'x', ...plan(9) }),
      () => withNetworkRemoved(two, 'zzz'),
    ])
      expect(attempt).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }));
  });

  it('makes a new store’s networks from either the single plan or the list, checked against each other', () => {
    expect(initialNetworks({ network: plan(1) }, ids())).toEqual([
      { id: 'id-1', purpose: 'OTHER', name: 'Store network', ...plan(1) },
    ]);
    const list = initialNetworks(
      {
        networks: [
          { purpose: 'POS', name: 'Tills', ...plan(1) },
          { purpose: 'IOT', name: 'Things', ...plan(2) },
        ],
      },
      ids(),
    );
    expect(list.map((n) => [n.id, n.name])).toEqual([
      ['id-1', 'Tills'],
      ['id-2', 'Things'],
    ]);
    expect(initialNetworks({}, ids())).toEqual([]);
    expect(() =>
      initialNetworks(
        {
          networks: [
            { purpose: 'POS', name: 'A', ...plan(1) },
            { purpose: 'IOT', name: 'B', ...plan(2, 1) },
          ],
        },
        ids(),
      ),
    ).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'input.networks.1.vlanId' }) }));
    expect(() =>
      initialNetworks({ network: plan(1), networks: [{ purpose: 'POS', name: 'A', ...plan(2) }] }, ids()),
    ).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'input.networks' }) }));
  });

  it('lets the single-network API replace, add or remove the first network and leave the rest', () => {
    expect(firstPlan(two)).toEqual(plan(1));
    expect(firstPlan([])).toBeNull();
    const replaced = withFirstPlan(two, plan(5), ids());
    expect(replaced[0]).toMatchObject({ id: 'a', purpose: 'POS', name: 'Net a', ...plan(5) });
    expect(replaced[1]).toEqual(two[1]);
    expect(withFirstPlan(two, null, ids())).toEqual([two[1]]);
    expect(withFirstPlan([], plan(1), ids())).toEqual([
      { id: 'id-1', purpose: 'OTHER', name: 'Store network', ...plan(1) },
    ]);
    expect(withFirstPlan(two, undefined, ids())).toEqual(two);
    expect(() => withFirstPlan(two, plan(2), ids())).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: 'input.network.vlanId' }) }),
    );
  });
});
