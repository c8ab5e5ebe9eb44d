import { ServiceUnavailableError } from '@switchyard/shared';
import { storeInput } from '@switchyard/testing/fixtures';
import { createInMemoryStores, type InMemoryStores } from '../../test/fakes/in-memory-stores.ts';
import { parseCidr } from '@switchyard/shared/ipv4';
import { createStoreSchema, type CreateStoreInput } from '../domain/store-input.ts';
import type { Actor, Store } from '../domain/types.ts';
import { createStoreService, type StoreServiceDeps } from './store-service.ts';

const ann: Actor = {
  kind: 'user',
  id: 'a0000000-0000-4000-8000-000000000001',
  userId: 'a0000000-0000-4000-8000-000000000001',
};
const network = (third: number) => ({
  vlanId: 10,
  subnet: `10.0.${third}.0/24`,
  gateway: `10.0.${third}.1`,
  dhcpRange: { start: `10.0.${third}.100`, end: `10.0.${third}.200` },
});
const input = (overrides: Record<string, unknown> = {}): CreateStoreInput =>
  createStoreSchema.parse(storeInput(overrides));

describe('store service', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  let fake: InMemoryStores;
  const serviceWith = (deps: Partial<StoreServiceDeps> = {}) =>
    createStoreService({ ...fake, subnetPool: parseCidr('10.0.0.0/16')!, now: () => now, ...deps });
  let service: ReturnType<typeof createStoreService>;
  const eventTypes = () => fake.events.map((event) => event.type);

  beforeEach(() => {
    fake = createInMemoryStores(() => now);
    service = serviceWith();
  });

  let thirdOctets = 100;
  /** A HOME store with its provisioning steps all done, ready to activate, on a subnet of its own. */
  async function provisioned(third = thirdOctets++): Promise<Store> {
    let store = await service.create(input({ type: 'HOME', network: network(third) }), ann, null);
    store = await service.transition(store.id, 'PROVISIONING', store.version, ann, null);
    for (const step of (await fake.stores.stepsOf([store.id])).get(store.id)!)
      store = await service.completeStep(store.id, step.key, store.version, ann, null);
    return store;
  }

  it("creates a draft with its type's provisioning steps, audited and announced", async () => {
    const store = await service.create(input({ type: 'HOME' }), ann, 'new branch');

    expect(store).toMatchObject({ status: 'DRAFT', version: 1, createdById: ann.userId, openedAt: null });
    expect((await fake.stores.stepsOf([store.id])).get(store.id)!.map((step) => step.key)).toEqual([
      'network-configured',
      'hub-paired',
    ]);
    expect(fake.audit).toEqual([
      expect.objectContaining({ storeId: store.id, version: 1, action: 'CREATED', reason: 'new branch' }),
    ]);
    expect(fake.events).toEqual([
      expect.objectContaining({
        type: 'StoreCreated',
        aggregateId: store.id,
        sequence: 1,
        payload: expect.objectContaining({
          status: 'DRAFT',
          changedFields: expect.arrayContaining(['name', 'status']),
        }),
      }),
    ]);
  });

  describe('update', () => {
    it('changes the given fields only, at the next version, naming them in the event', async () => {
      const created = await service.create(input(), ann, null);
      const updated = await service.update(created.id, 1, { name: 'Renamed' }, ann, 'typo');

      expect(updated).toMatchObject({
        name: 'Renamed',
        version: 2,
        address: created.address,
        timezone: created.timezone,
      });
      expect(fake.events.at(-1)).toMatchObject({
        type: 'StoreUpdated',
        sequence: 2,
        payload: { changedFields: ['name'] },
      });
      expect(fake.audit.at(-1)).toMatchObject({
        action: 'UPDATED',
        changes: { name: { before: created.name, after: 'Renamed' } },
      });
    });

    it('writes nothing when nothing changes', async () => {
      const created = await service.create(input(), ann, null);
      await expect(service.update(created.id, 1, { name: created.name }, ann, null)).resolves.toMatchObject({
        version: 1,
      });
      expect(eventTypes()).toEqual(['StoreCreated']);
    });

    it('refuses a stale version with CONFLICT and the current version', async () => {
      const created = await service.create(input(), ann, null);
      await service.update(created.id, 1, { name: 'First' }, ann, null);

      await expect(service.update(created.id, 1, { name: 'Second' }, ann, null)).rejects.toMatchObject({
        extensions: { code: 'CONFLICT', currentVersion: 2 },
      });
      expect(fake.rows.stores.get(created.id)).toMatchObject({ name: 'First', version: 2 });
    });

    it('refuses to change a decommissioned store', async () => {
      let store = await provisioned();
      store = await service.transition(store.id, 'ACTIVE', store.version, ann, null);
      store = await service.transition(store.id, 'DECOMMISSIONED', store.version, ann, null);

      await expect(service.update(store.id, store.version, { name: 'Back' }, ann, null)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'id' },
      });
    });

    it('answers an unknown store with NOT_FOUND', async () => {
      const id = 'f0000000-0000-4000-8000-000000000000';
      await expect(service.update(id, 1, { name: 'X' }, ann, null)).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND', id },
      });
    });
  });

  describe('lifecycle', () => {
    it('activates only once every step is done, and records when it first opened', async () => {
      const draft = await service.create(input({ type: 'HOME', network: network(1) }), ann, null);
      const provisioning = await service.transition(draft.id, 'PROVISIONING', 1, ann, null);
      await expect(service.transition(draft.id, 'ACTIVE', provisioning.version, ann, null)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'to', openSteps: ['network-configured', 'hub-paired'] },
      });

      const ready = await provisioned();
      const active = await service.transition(ready.id, 'ACTIVE', ready.version, ann, null);
      expect(active).toMatchObject({ status: 'ACTIVE', openedAt: now });
      expect(fake.events.at(-1)).toMatchObject({
        type: 'StoreStatusChanged',
        payload: { from: 'PROVISIONING', to: 'ACTIVE', status: 'ACTIVE' },
      });
    });

    it('refuses a move the lifecycle does not allow, with the allowed targets', async () => {
      const draft = await service.create(input(), ann, null);
      await expect(service.transition(draft.id, 'SUSPENDED', 1, ann, null)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', allowedTargets: ['PROVISIONING'] },
      });
      expect(fake.rows.stores.get(draft.id)).toMatchObject({ status: 'DRAFT', version: 1 });
    });

    it('deletes drafts only', async () => {
      const draft = await service.create(input(), ann, null);
      const ready = await provisioned();

      await expect(service.delete(ready.id, ready.version, ann, null)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'id' },
      });
      await expect(service.delete(draft.id, 1, ann, 'mistake')).resolves.toMatchObject({ id: draft.id, version: 2 });
      expect(fake.rows.stores.has(draft.id)).toBe(false);
      expect(fake.rows.stores.has(ready.id)).toBe(true);
      expect(fake.events.at(-1)).toMatchObject({ type: 'StoreDeleted', aggregateId: draft.id, sequence: 2 });
    });
  });

  describe('provisioning steps', () => {
    it('marks a step done by the caller, as a change of its own', async () => {
      const store = await service.create(input({ type: 'HOME', network: network(1) }), ann, null);
      const after = await service.completeStep(store.id, 'network-configured', 1, ann, null);

      expect(after.version).toBe(2);
      expect(fake.rows.steps.get(store.id)![0]).toMatchObject({ key: 'network-configured', doneAt: now, doneBy: ann });
      expect(fake.events.at(-1)).toMatchObject({
        type: 'ProvisioningStepCompleted',
        payload: { stepKey: 'network-configured', changedFields: ['steps.network-configured'] },
      });
    });

    it('will not mark the network configured before it is planned', async () => {
      const store = await service.create(input({ type: 'HOME' }), ann, null);
      await expect(service.completeStep(store.id, 'network-configured', 1, ann, null)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'key' },
      });
      expect(fake.rows.steps.get(store.id)![0]!.doneAt).toBeNull();
    });

    it("asks a step's guard first and leaves the step open when it refuses", async () => {
      const guarded = serviceWith({
        stepGuards: {
          'hardware-allocated': () => {
            throw new ServiceUnavailableError('hardware is down');
          },
        },
      });
      const store = await guarded.create(input({ type: 'KIOSK' }), ann, null);

      await expect(guarded.completeStep(store.id, 'hardware-allocated', 1, ann, null)).rejects.toMatchObject({
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
      expect(fake.rows.steps.get(store.id)!.find((step) => step.key === 'hardware-allocated')!.doneAt).toBeNull();
      expect(fake.rows.stores.get(store.id)!.version).toBe(1);
    });

    it('refuses unknown steps and steps already done', async () => {
      const store = await provisioned();
      await expect(service.completeStep(store.id, 'moon-landing', store.version, ann, null)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'key' },
      });
      await expect(service.completeStep(store.id, 'hub-paired', store.version, ann, null)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'key' },
      });
    });
  });

  describe('provisioning templates', () => {
    const surveyed = [
      { key: 'network-configured', title: 'Network configured', required: true, position: 0 },
      { key: 'site-survey', title: 'Site survey', required: false, position: 1 },
    ];

    it("gives a new store its type's current template and records the version; existing stores keep theirs", async () => {
      const before = await service.create(input({ type: 'HOME' }), ann, null);
      await fake.templates.publish('HOME', surveyed, 1, ann.userId);
      const after = await service.create(input({ type: 'HOME' }), ann, null);

      expect([before.templateVersion, after.templateVersion]).toEqual([1, 2]);
      expect(fake.rows.steps.get(after.id)!.map(({ key, required }) => [key, required])).toEqual([
        ['network-configured', true],
        ['site-survey', false],
      ]);
      expect(fake.rows.steps.get(before.id)!.map((step) => step.key)).toEqual(['network-configured', 'hub-paired']);
    });

    it('activates with an optional step open, but not with a required one', async () => {
      await fake.templates.publish('HOME', surveyed, 1, ann.userId);
      let store = await service.create(input({ type: 'HOME', network: network(7) }), ann, null);
      store = await service.transition(store.id, 'PROVISIONING', store.version, ann, null);
      await expect(service.transition(store.id, 'ACTIVE', store.version, ann, null)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', openSteps: ['network-configured'] },
      });
      store = await service.completeStep(store.id, 'network-configured', store.version, ann, null);
      store = await service.transition(store.id, 'ACTIVE', store.version, ann, null);
      expect(store.status).toBe('ACTIVE');
      expect(fake.rows.steps.get(store.id)!.find((step) => step.key === 'site-survey')!.doneAt).toBeNull();
    });

    it("takes the new type's current template on a type change, keeping shared steps as they were", async () => {
      let store = await service.create(input({ type: 'KIOSK', network: network(8) }), ann, null);
      store = await service.completeStep(store.id, 'network-configured', store.version, ann, null);
      await fake.templates.publish('HOME', surveyed, 1, ann.userId);
      store = await service.update(store.id, store.version, { type: 'HOME' }, ann, null);

      expect(store.templateVersion).toBe(2);
      const steps = fake.rows.steps.get(store.id)!;
      expect(steps.map((step) => [step.key, step.required, step.doneAt !== null])).toEqual([
        ['network-configured', true, true],
        ['site-survey', false, false],
      ]);
      expect(fake.audit.at(-1)!.changes).toMatchObject({
        type: { before: 'KIOSK', after: 'HOME' },
        templateVersion: { before: 1, after: 2 },
      });
    });
  });

  it('moves each store of a bulk transition on its own and reports each outcome', async () => {
    const drafts = [await service.create(input(), ann, null), await service.create(input(), ann, null)];
    const ready = await provisioned();
    const missing = 'f0000000-0000-4000-8000-000000000000';

    const { changeId, results } = await service.bulkTransition(
      [drafts[0]!.id, ready.id, missing, drafts[1]!.id],
      'PROVISIONING',
      ann,
      null,
    );

    expect(results).toEqual([
      { id: drafts[0]!.id, ok: true, store: expect.objectContaining({ status: 'PROVISIONING', version: 2 }) },
      {
        id: ready.id,
        ok: false,
        error: { code: 'BAD_USER_INPUT', message: expect.stringContaining('cannot become provisioning') },
      },
      { id: missing, ok: false, error: { code: 'NOT_FOUND', message: `Store ${missing} not found` } },
      { id: drafts[1]!.id, ok: true, store: expect.objectContaining({ status: 'PROVISIONING' }) },
    ]);
    expect(fake.audit.filter((entry) => entry.changeId === changeId).map((entry) => entry.storeId)).toEqual([
      drafts[0]!.id,
      drafts[1]!.id,
    ]);
  });

  describe('tags', () => {
    it('sets the tags as given, in any status, as an audited StoreUpdated naming tags', async () => {
      let store = await provisioned();
      store = await service.transition(store.id, 'ACTIVE', store.version, ann, null);
      store = await service.transition(store.id, 'DECOMMISSIONED', store.version, ann, null);

      const tagged = await service.setTags(store.id, store.version, ['north', 'pilot'], ann, 'labels');

      expect(tagged).toMatchObject({ tags: ['north', 'pilot'], version: store.version + 1 });
      expect(fake.audit.at(-1)).toMatchObject({
        action: 'UPDATED',
        reason: 'labels',
        changeId: null,
        changes: { tags: { before: null, after: ['north', 'pilot'] } },
      });
      expect(fake.events.at(-1)).toMatchObject({ type: 'StoreUpdated', payload: { changedFields: ['tags'] } });
      await expect(service.setTags(store.id, store.version, [], ann, null)).rejects.toMatchObject({
        extensions: { code: 'CONFLICT', currentVersion: store.version + 1 },
      });
    });

    it('adds and removes tags on each store on its own, sharing one change id', async () => {
      const full = await service.create(input(), ann, null);
      const twenty = Array.from({ length: 20 }, (_, index) => `t${String(index).padStart(2, '0')}`);
      await service.setTags(full.id, full.version, twenty, ann, null);
      let other = await service.create(input(), ann, null);
      other = await service.setTags(other.id, other.version, ['old', 'pilot'], ann, null);
      const missing = 'f0000000-0000-4000-8000-000000000000';

      const { changeId, results } = await service.bulkTag([other.id, full.id, missing], ['north'], ['old'], ann, 'q4');

      expect(results).toEqual([
        { id: other.id, ok: true, store: expect.objectContaining({ tags: ['north', 'pilot'] }) },
        { id: full.id, ok: false, error: { code: 'BAD_USER_INPUT', message: expect.stringContaining('20 tags') } },
        { id: missing, ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) },
      ]);
      expect(fake.audit.filter((entry) => entry.changeId === changeId)).toEqual([
        expect.objectContaining({
          storeId: other.id,
          reason: 'q4',
          changes: { tags: { before: ['old', 'pilot'], after: ['north', 'pilot'] } },
        }),
      ]);
    });
  });

  describe('suggestSubnet', () => {
    it('suggests the first free block of the pool, counting decommissioned stores as free', async () => {
      await service.create(input({ network: network(0) }), ann, null);
      let old = await provisioned(1);
      old = await service.transition(old.id, 'ACTIVE', old.version, ann, null);
      await service.transition(old.id, 'DECOMMISSIONED', old.version, ann, null);

      expect(await service.suggestSubnet(24)).toBe('10.0.1.0/24');
      expect(await service.suggestSubnet(23)).toBe('10.0.2.0/23');
    });

    it('answers null when the pool has no block that size left', async () => {
      const small = serviceWith({ subnetPool: parseCidr('10.0.0.0/23')! });
      await small.create(input({ network: network(0) }), ann, null);
      await small.create(input({ network: network(1) }), ann, null);
      expect(await small.suggestSubnet(24)).toBeNull();
    });
  });
});
