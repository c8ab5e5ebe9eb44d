import { TEST_BACKENDS, userPrincipal } from '@switchyard/testing';
import { startObservability } from './support.ts';

const operator = userPrincipal('OPERATOR');
const viewer = userPrincipal('VIEWER');

const PAGE_FIELDS = 'id slug title description published components { subject displayName }';
const CREATE = `mutation ($input: StatusPageInput!) { createStatusPage(input: $input) { ${PAGE_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateStatusPageInput!) { updateStatusPage(id: $id, input: $input) { ${PAGE_FIELDS} } }`;
const INCIDENT_FIELDS =
  'id title status impact resolvedAt everyStatusPage statusPages { slug } updates { status message }';
const CREATE_INCIDENT = `mutation ($input: IncidentInput!) { createIncident(input: $input) { ${INCIDENT_FIELDS} } }`;
const POST_UPDATE = `mutation ($id: ID!, $status: IncidentStatus!, $message: String!) {
  postIncidentUpdate(incidentId: $id, status: $status, message: $message) { ${INCIDENT_FIELDS} } }`;
const PUBLIC = `query ($slug: String!) { publicStatusPage(slug: $slug) {
  title description status updatedAt
  components { displayName status uptime90 uptimeDays { date uptime } }
  incidents { title status impact resolvedAt updates { status message createdAt } }
  maintenance { title startsAt endsAt activeNow } } }`;

const HOUR = 3_600_000;

describe.each(TEST_BACKENDS)('status pages and incidents (%s)', (backend) => {
  let observability: Awaited<ReturnType<typeof startObservability>>;
  beforeAll(async () => {
    observability = await startObservability(backend);
    const now = new Date();
    const state = (name: string, status: 'UP' | 'DOWN') => ({
      name,
      kind: 'MONITOR',
      status,
      latencyMs: 12,
      error: status === 'DOWN' ? 'connect ECONNREFUSED 10.0.0.7:443' : null,
      lastCheckedAt: now,
      lastChangeAt: now,
    });
    await observability.db.serviceState.createMany({
      data: [state('monitor:pos-hamburg', 'DOWN'), state('postgresql', 'UP'), state('hub:secret-hub', 'UP')],
    });
    // Yesterday from the roll-ups; today from raw checks (a roll-up of an hour the raw checks still hold must not count twice).
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const yesterday = new Date(today.getTime() - 20 * HOUR);
    await observability.db.serviceCheckHourly.createMany({
      data: [
        { service: 'postgresql', hour: yesterday, checks: 60, upChecks: 45 },
        { service: 'postgresql', hour: new Date(today.getTime()), checks: 1000, upChecks: 0 },
      ],
    });
    await observability.db.serviceCheck.createMany({
      data: [
        { service: 'postgresql', status: 'UP', checkedAt: new Date(today.getTime() + 60_000) },
        { service: 'postgresql', status: 'DOWN', checkedAt: new Date(today.getTime() + 120_000) },
        { service: 'postgresql', status: 'STARTING', checkedAt: new Date(today.getTime() + 180_000) },
      ],
    });
  });
  afterAll(() => observability.stop());

  const createPage = async (input: Record<string, unknown>) =>
    observability.call(operator, CREATE, {
      input: {
        title: 'Our shops',
        published: true,
        components: [
          { subject: 'monitor:pos-hamburg', displayName: 'Card terminals' },
          { subject: 'postgresql', displayName: 'Online shop' },
        ],
        ...input,
      },
    });

  it('shows the public only the chosen components by their display names, signed out', async () => {
    const created = await createPage({ slug: 'shops', description: 'Stores in the north' });
    expect(created.errors).toBeUndefined();
    const { data, errors } = await observability.call(null, PUBLIC, { slug: 'shops' });
    expect(errors).toBeUndefined();
    const page = data!.publicStatusPage;
    expect(page).toMatchObject({ title: 'Our shops', description: 'Stores in the north', status: 'DOWN' });
    expect(page.components.map((c: any) => [c.displayName, c.status])).toEqual([
      ['Card terminals', 'DOWN'],
      ['Online shop', 'UP'],
    ]);
    const shop = page.components[1];
    expect(shop.uptimeDays).toHaveLength(90);
    expect(shop.uptimeDays.at(-1).uptime).toBe(0.5);
    expect(shop.uptimeDays.at(-2).uptime).toBe(0.75);
    expect(shop.uptime90).toBeCloseTo(46 / 62);
    expect(page.maintenance).toEqual([]);
    const text = JSON.stringify(data);
    for (const hidden of ['monitor:', 'pos-hamburg', 'postgresql', 'secret-hub', 'ECONNREFUSED', '10.0.0.7'])
      expect(text).not.toContain(hidden);
  });

  it('shows maintenance touching its components, in force or coming, and those components as MAINTENANCE', async () => {
    await createPage({ slug: 'planned' });
    const inMinutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
    const plan = (input: Record<string, unknown>) =>
      observability.call(
        operator,
        'mutation ($input: MaintenanceWindowInput!) { createMaintenanceWindow(input: $input) { id } }',
        { input },
      );
    const windows = [
      await plan({
        title: 'Database upgrade',
        scope: 'SUBJECT',
        subjects: ['postgresql'],
        startsAt: inMinutes(-5),
        endsAt: inMinutes(55),
      }),
      await plan({
        title: 'Terminal firmware',
        scope: 'SUBJECT',
        subjects: ['monitor:pos-hamburg'],
        startsAt: inMinutes(120),
        endsAt: inMinutes(180),
      }),
      await plan({
        title: 'Hub move',
        scope: 'SUBJECT',
        subjects: ['hub:secret-hub'],
        startsAt: inMinutes(-5),
        endsAt: inMinutes(55),
      }),
    ];
    try {
      const page = (await observability.call(null, PUBLIC, { slug: 'planned' })).data!.publicStatusPage;
      expect(page.maintenance.map((m: any) => [m.title, m.activeNow])).toEqual([
        ['Database upgrade', true],
        ['Terminal firmware', false],
      ]);
      expect(page.components.map((c: any) => [c.displayName, c.status])).toEqual([
        ['Card terminals', 'DOWN'],
        ['Online shop', 'MAINTENANCE'],
      ]);
    } finally {
      for (const window of windows)
        await observability.call(operator, 'mutation ($id: ID!) { deleteMaintenanceWindow(id: $id) }', {
          id: window.data!.createMaintenanceWindow.id,
        });
    }
  });

  it('answers null for an unpublished or unknown slug', async () => {
    const draft = await createPage({ slug: 'draft', published: false });
    expect((await observability.call(null, PUBLIC, { slug: 'draft' })).data!.publicStatusPage).toBeNull();
    expect((await observability.call(null, PUBLIC, { slug: 'nope' })).data!.publicStatusPage).toBeNull();
    await observability.call(operator, UPDATE, { id: draft.data!.createStatusPage.id, input: { published: true } });
    expect((await observability.call(null, PUBLIC, { slug: 'draft' })).data!.publicStatusPage.title).toBe('Our shops');
  });

  it('refuses unknown subjects, bad slugs and taken slugs, and management to viewers and the signed out', async () => {
    const unknown = await createPage({
      slug: 'other',
      components: [
        { subject: 'postgresql', displayName: 'A' },
        { subject: 'monitor:nope', displayName: 'B' },
      ],
    });
    expect(unknown.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.components.1.subject',
    });
    const slug = await createPage({ slug: 'Bad Slug' });
    expect(slug.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slug' });
    await createPage({ slug: 'taken' });
    expect((await createPage({ slug: 'taken' })).errors![0]!.extensions!.code).toBe('CONFLICT');
    const asViewer = await observability.call(viewer, CREATE, { input: { slug: 'v1', title: 'V' } });
    expect(asViewer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const signedOut = await observability.call(null, '{ statusPages { id } }');
    expect(signedOut.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('replaces the components in their new order', async () => {
    const { data } = await createPage({ slug: 'reorder' });
    const updated = await observability.call(operator, UPDATE, {
      id: data!.createStatusPage.id,
      input: {
        title: 'Renamed',
        components: [
          { subject: 'postgresql', displayName: 'Shop' },
          { subject: 'hub:secret-hub', displayName: 'Sensors' },
        ],
      },
    });
    expect(updated.data!.updateStatusPage).toMatchObject({
      slug: 'reorder',
      title: 'Renamed',
      components: [
        { subject: 'postgresql', displayName: 'Shop' },
        { subject: 'hub:secret-hub', displayName: 'Sensors' },
      ],
    });
  });

  it('shows incidents on their pages with their updates until 7 days after they are resolved', async () => {
    const { data: pages } = await observability.call(operator, `{ statusPages { id slug } }`);
    const idOf = (slug: string) => pages!.statusPages.find((p: any) => p.slug === slug).id;
    const created = await observability.call(operator, CREATE_INCIDENT, {
      input: {
        title: 'Card payments fail',
        impact: 'MAJOR',
        statusPageIds: [idOf('shops')],
        message: 'Looking into it',
      },
    });
    expect(created.errors).toBeUndefined();
    const incident = created.data!.createIncident;
    expect(incident).toMatchObject({ status: 'INVESTIGATING', statusPages: [{ slug: 'shops' }] });
    // One opened without pages shows everywhere; one whose only page is deleted shows nowhere.
    const everywhere = await observability.call(operator, CREATE_INCIDENT, {
      input: { title: 'Everywhere', message: 'On every page' },
    });
    expect(everywhere.data!.createIncident).toMatchObject({ everyStatusPage: true, statusPages: [] });
    const scratch = await createPage({ slug: 'scratch' });
    const orphan = await observability.call(operator, CREATE_INCIDENT, {
      input: { title: 'Orphan', message: 'Only on scratch', statusPageIds: [scratch.data!.createStatusPage.id] },
    });
    expect(orphan.errors).toBeUndefined();
    await observability.call(operator, 'mutation ($id: ID!) { deleteStatusPage(id: $id) }', {
      id: scratch.data!.createStatusPage.id,
    });
    const titlesOn = async (slug: string) =>
      (await observability.call(null, PUBLIC, { slug })).data!.publicStatusPage.incidents.map((i: any) => i.title);
    expect(await titlesOn('draft')).toEqual(['Everywhere']);
    await observability.db.incident.delete({ where: { id: everywhere.data!.createIncident.id } });
    await observability.call(operator, POST_UPDATE, { id: incident.id, status: 'IDENTIFIED', message: 'The provider' });
    const resolved = await observability.call(operator, POST_UPDATE, {
      id: incident.id,
      status: 'RESOLVED',
      message: 'Payments work again',
    });
    expect(resolved.data!.postIncidentUpdate.resolvedAt).not.toBeNull();

    const shown = (await observability.call(null, PUBLIC, { slug: 'shops' })).data!.publicStatusPage.incidents;
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: 'Card payments fail', status: 'RESOLVED', impact: 'MAJOR' });
    expect(shown[0].updates.map((u: any) => u.status)).toEqual(['RESOLVED', 'IDENTIFIED', 'INVESTIGATING']);
    expect((await observability.call(null, PUBLIC, { slug: 'draft' })).data!.publicStatusPage.incidents).toEqual([]);

    await observability.db.incident.update({
      where: { id: incident.id },
      data: { resolvedAt: new Date(Date.now() - 8 * 24 * HOUR) },
    });
    expect((await observability.call(null, PUBLIC, { slug: 'shops' })).data!.publicStatusPage.incidents).toEqual([]);

    const missing = await observability.call(operator, POST_UPDATE, {
      id: '00000000-0000-4000-8000-000000000000',
      status: 'RESOLVED',
      message: 'x',
    });
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const badPage = await observability.call(operator, CREATE_INCIDENT, {
      input: { title: 'T', message: 'm', statusPageIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(badPage.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.statusPageIds' });
  });
});
