import { TEST_BACKENDS, codeOf, userPrincipal } from '@switchyard/testing';
import { storeImportCsv, storeInput } from '@switchyard/testing/fixtures';
import { STORE_TYPES } from '../src/domain/types.ts';
import { SEEDED_TEMPLATES } from './fakes/seeded-templates.ts';
import { startStores } from './support.ts';

const TEMPLATE_FIELDS = 'storeType version steps { key title required } createdBy { id } createdAt';
const TEMPLATES = `{ provisioningTemplates { ${TEMPLATE_FIELDS} } }`;
const TEMPLATE = `query ($type: StoreType!, $version: Int!) { provisioningTemplate(storeType: $type, version: $version) { ${TEMPLATE_FIELDS} } }`;
const HISTORY = `query ($type: StoreType!) { provisioningTemplateHistory(storeType: $type) { version steps { key } } }`;
const PUBLISH = `mutation ($type: StoreType!, $steps: [ProvisioningTemplateStepInput!]!, $v: Int!) {
  publishProvisioningTemplate(storeType: $type, steps: $steps, expectedVersion: $v) { ${TEMPLATE_FIELDS} }
}`;
const STORE_FIELDS =
  'id version status templateVersion provisioningProgress provisioningSteps { key title required done }';
const CREATE = `mutation ($input: CreateStoreInput!) { createStore(input: $input) { ${STORE_FIELDS} } }`;
const STORE = `query ($id: ID!) { store(id: $id) { ${STORE_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateStoreInput!) { updateStore(id: $id, expectedVersion: $v, input: $input) { ${STORE_FIELDS} } }`;
const TRANSITION = `mutation ($id: ID!, $to: StoreStatus!, $v: Int!) { transitionStore(id: $id, to: $to, expectedVersion: $v) { ${STORE_FIELDS} } }`;
const COMPLETE = `mutation ($id: ID!, $k: String!, $v: Int!) { completeProvisioningStep(storeId: $id, key: $k, expectedVersion: $v) { ${STORE_FIELDS} } }`;
const IMPORT = `mutation ($csv: String!) { importStores(csv: $csv, apply: true) { valid errors { message } created { ${STORE_FIELDS} } } }`;

const SURVEYED = [
  { key: 'network-configured', title: 'Network configured' },
  { key: 'site-survey', title: 'Site survey', required: false },
];

describe.each(TEST_BACKENDS)('provisioning templates (%s)', (backend) => {
  let stores: Awaited<ReturnType<typeof startStores>>;
  const admin = userPrincipal('ADMIN');
  const operator = userPrincipal('OPERATOR');
  const viewer = userPrincipal('VIEWER');

  const data = async (principal: typeof admin, query: string, variables: Record<string, unknown> = {}) => {
    const result = await stores.call(principal, query, variables);
    if (!result.data || result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const currentVersion = async (type: string) =>
    ((await data(viewer, TEMPLATES)).provisioningTemplates as { storeType: string; version: number }[]).find(
      (template) => template.storeType === type,
    )!.version;
  const publish = async (type: string, steps: unknown[]) =>
    (await data(admin, PUBLISH, { type, steps, v: await currentVersion(type) })).publishProvisioningTemplate;
  const create = async (overrides: Record<string, unknown>, withNetwork = false) =>
    (await data(operator, CREATE, { input: storeInput(overrides, withNetwork) })).createStore;

  beforeAll(async () => {
    stores = await startStores(backend);
  });
  afterAll(() => stores?.stop());

  it('seeds version 1 of every type with the lists that were fixed in code, all required', async () => {
    for (const type of STORE_TYPES) {
      const template = (await data(viewer, TEMPLATE, { type, version: 1 })).provisioningTemplate;
      expect(template).toMatchObject({ storeType: type, version: 1, createdBy: null });
      expect(template.steps).toEqual(
        SEEDED_TEMPLATES[type].map(({ key, title, required }) => ({ key, title, required })),
      );
    }
    const current = (await data(viewer, TEMPLATES)).provisioningTemplates;
    expect(current.map((template: { storeType: string }) => template.storeType)).toEqual([...STORE_TYPES]);
    expect((await data(viewer, TEMPLATE, { type: 'HOME', version: 999 })).provisioningTemplate).toBeNull();
  });

  it('publishes the next version for new stores; stores made before keep their steps and version', async () => {
    const before = await create({ type: 'WAREHOUSE' });
    const from = await currentVersion('WAREHOUSE');
    const published = await publish('WAREHOUSE', [
      { key: 'hub-paired', title: ' Hub paired ' },
      { key: 'forklift-check', title: 'Forklift check', required: false },
    ]);
    expect(published).toMatchObject({
      storeType: 'WAREHOUSE',
      version: from + 1,
      createdBy: { id: admin.userId },
      steps: [
        { key: 'hub-paired', title: 'Hub paired', required: true },
        { key: 'forklift-check', title: 'Forklift check', required: false },
      ],
    });
    const history = (await data(viewer, HISTORY, { type: 'WAREHOUSE' })).provisioningTemplateHistory;
    expect(history.map((template: { version: number }) => template.version)).toEqual(
      Array.from({ length: from + 1 }, (_, i) => from + 1 - i),
    );

    const after = await create({ type: 'WAREHOUSE' });
    expect(after.templateVersion).toBe(from + 1);
    expect(after.provisioningSteps).toEqual([
      { key: 'hub-paired', title: 'Hub paired', required: true, done: false },
      { key: 'forklift-check', title: 'Forklift check', required: false, done: false },
    ]);
    const rows = await stores.db.provisioningStep.findMany({
      where: { storeId: after.id },
      orderBy: { position: 'asc' },
    });
    expect(rows.map((row) => [row.key, row.required, row.position])).toEqual([
      ['hub-paired', true, 0],
      ['forklift-check', false, 1],
    ]);

    const kept = (await data(viewer, STORE, { id: before.id })).store;
    expect(kept.templateVersion).toBe(from);
    expect(kept.provisioningSteps).toEqual(before.provisioningSteps);
  });

  it('creates the stores of a CSV import from the current template', async () => {
    const published = await publish('KIOSK', [{ key: 'kiosk-mounted', title: 'Kiosk mounted', required: false }]);
    const csv = storeImportCsv(2, (cells) => {
      cells.type = 'KIOSK';
    });
    const result = (await data(operator, IMPORT, { csv })).importStores;
    expect(result).toMatchObject({ valid: true, errors: [] });
    for (const store of result.created) {
      expect(store.templateVersion).toBe(published.version);
      expect(store.provisioningSteps).toEqual([
        { key: 'kiosk-mounted', title: 'Kiosk mounted', required: false, done: false },
      ]);
      expect(store.provisioningProgress).toBe(100);
    }
  });

  it('activates a store with an optional step open, but not with a required one', async () => {
    await publish('HOME', SURVEYED);
    let store = await create({ type: 'HOME' }, true);
    expect(store.provisioningProgress).toBe(0);
    store = (await data(operator, TRANSITION, { id: store.id, to: 'PROVISIONING', v: store.version })).transitionStore;
    const refused = await stores.call(operator, TRANSITION, { id: store.id, to: 'ACTIVE', v: store.version });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'to',
      openSteps: ['network-configured'],
    });

    store = (await data(operator, COMPLETE, { id: store.id, k: 'network-configured', v: store.version }))
      .completeProvisioningStep;
    expect(store.provisioningProgress).toBe(100);
    store = (await data(operator, TRANSITION, { id: store.id, to: 'ACTIVE', v: store.version })).transitionStore;
    expect(store.status).toBe('ACTIVE');
    expect(store.provisioningSteps.find((step: { key: string }) => step.key === 'site-survey').done).toBe(false);
    expect((await stores.db.store.findUniqueOrThrow({ where: { id: store.id } })).status).toBe('ACTIVE');
  });

  it('lets an optional step be completed before activation, audited like any step', async () => {
    await publish('HOME', SURVEYED);
    const store = await create({ type: 'HOME' });
    const done = (await data(operator, COMPLETE, { id: store.id, k: 'site-survey', v: store.version }))
      .completeProvisioningStep;
    expect(done.provisioningSteps.find((step: { key: string }) => step.key === 'site-survey').done).toBe(true);
    expect(done.provisioningProgress).toBe(0);
    const audit = await stores.db.storeAuditEntry.findFirstOrThrow({ where: { storeId: store.id, version: 2 } });
    expect(audit.action).toBe('STEP_COMPLETED');
    expect(Object.keys(audit.changes as object)).toEqual(['steps.site-survey']);
  });

  it("gives a store changing type before activation the new type's current template", async () => {
    const published = await publish('FLAGSHIP', [
      { key: 'network-configured', title: 'Network configured' },
      { key: 'window-display', title: 'Window display', required: false },
    ]);
    let store = await create({ type: 'STANDARD' }, true);
    store = (await data(operator, COMPLETE, { id: store.id, k: 'network-configured', v: store.version }))
      .completeProvisioningStep;
    store = (await data(operator, UPDATE, { id: store.id, v: store.version, input: { type: 'FLAGSHIP' } })).updateStore;
    expect(store.templateVersion).toBe(published.version);
    expect(store.provisioningSteps).toEqual([
      { key: 'network-configured', title: 'Network configured', required: true, done: true },
      { key: 'window-display', title: 'Window display', required: false, done: false },
    ]);
    const audit = await stores.db.storeAuditEntry.findFirstOrThrow({ where: { storeId: store.id, action: 'UPDATED' } });
    expect(audit.changes).toMatchObject({
      type: { before: 'STANDARD', after: 'FLAGSHIP' },
      templateVersion: { after: published.version },
    });
  });

  it('refuses a stale expectedVersion with CONFLICT; of racing publishers exactly one wins', async () => {
    const version = await currentVersion('STANDARD');
    const stale = await stores.call(admin, PUBLISH, { type: 'STANDARD', steps: SURVEYED, v: version - 1 });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: version });

    const racers = await Promise.all(
      Array.from({ length: 5 }, () => stores.call(admin, PUBLISH, { type: 'STANDARD', steps: SURVEYED, v: version })),
    );
    expect(racers.filter((result) => result.data?.publishProvisioningTemplate)).toHaveLength(1);
    for (const loser of racers.filter((result) => result.errors))
      expect(loser.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: version + 1 });
    expect(await stores.db.provisioningTemplate.count({ where: { storeType: 'STANDARD' } })).toBe(version + 1);
  });

  it('refuses bad steps with BAD_USER_INPUT on the field, and OPERATORs with FORBIDDEN', async () => {
    const v = await currentVersion('KIOSK');
    const bad = async (steps: unknown[]) =>
      (await stores.call(admin, PUBLISH, { type: 'KIOSK', steps, v })).errors?.[0]?.extensions;
    expect(
      await bad([
        { key: 'a', title: 'A' },
        { key: 'Not A Key', title: 'B' },
      ]),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'steps.1.key',
    });
    expect(
      await bad([
        { key: 'a', title: 'A' },
        { key: 'a', title: 'Again' },
      ]),
    ).toMatchObject({
      field: 'steps.1.key',
    });
    expect(await bad([{ key: 'a', title: '  ' }])).toMatchObject({ field: 'steps.0.title' });
    expect(await bad(Array.from({ length: 31 }, (_, i) => ({ key: `s${i}`, title: 'S' })))).toMatchObject({
      field: 'steps',
    });
    expect(codeOf(await stores.call(operator, PUBLISH, { type: 'KIOSK', steps: SURVEYED, v }))).toBe('FORBIDDEN');
    expect(codeOf(await stores.call(viewer, PUBLISH, { type: 'KIOSK', steps: SURVEYED, v }))).toBe('FORBIDDEN');
    expect(await currentVersion('KIOSK')).toBe(v);
  });

  it('keeps published versions as they were', async () => {
    await expect(
      stores.db.provisioningTemplate.updateMany({ where: { storeType: 'HOME', version: 1 }, data: { steps: [] } }),
    ).rejects.toThrow(/immutable/);
  });
});
