import { bearer, eventually, graphql } from '@switchyard/testing';
import { login } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const PUBLIC = `query ($slug: String!) { publicStatusPage(slug: $slug) {
  title status components { displayName status uptime90 uptimeDays { date uptime } }
  incidents { title status updates { message } } maintenance { title } } }`;
const CREATE = `mutation ($input: StatusPageInput!) { createStatusPage(input: $input) { id } }`;

/** The public status page through the gateway: no credentials at all, and nothing of a draft. */
describe.each(ONE_BACKEND)('public status page (%s)', (backend) => {
  let system: System;
  let token: string;
  const asAdmin = (query: string, variables: Record<string, unknown> = {}) =>
    graphql(system.gatewayUrl, query, variables, bearer(token));
  const signedOut = (query: string, variables: Record<string, unknown> = {}) =>
    graphql(system.gatewayUrl, query, variables, {});

  beforeAll(async () => {
    system = await startSystem(backend, {
      subgraphs: ['identity', 'observability'],
      env: { SEED_DEMO_DATA: 'false', MONITORED_SERVICES: 'identity', CHECK_INTERVAL_MS: '1000' },
    });
    token = (await login(system.gatewayUrl, system.admin.email, system.admin.password)).accessToken;
    await eventually(async () =>
      (await asAdmin('{ services { name status } }')).data?.services.some((s: any) => s.name === 'identity'),
    );
  });
  afterAll(() => system?.destroy());

  it('answers a signed-out query with the chosen display names only, and null for an unpublished page', async () => {
    const components = [{ subject: 'identity', displayName: 'Sign-in' }];
    const page = await asAdmin(CREATE, {
      input: { slug: 'public-e2e', title: 'Shop status', published: true, components },
    });
    expect(page.errors).toBeUndefined();
    const incident = await asAdmin('mutation ($input: IncidentInput!) { createIncident(input: $input) { id } }', {
      input: { title: 'Slow sign-in', message: 'We are looking into it' },
    });
    expect(incident.errors).toBeUndefined();

    const published = await signedOut(PUBLIC, { slug: 'public-e2e' });
    expect(published.errors).toBeUndefined();
    expect(published.data!.publicStatusPage).toMatchObject({
      title: 'Shop status',
      components: [{ displayName: 'Sign-in' }],
      incidents: [{ title: 'Slow sign-in', status: 'INVESTIGATING', updates: [{ message: 'We are looking into it' }] }],
      maintenance: [],
    });
    expect(published.data!.publicStatusPage.components[0].uptimeDays).toHaveLength(90);
    expect(JSON.stringify(published.data)).not.toContain('identity');

    await asAdmin(CREATE, { input: { slug: 'draft-e2e', title: 'Draft', published: false, components } });
    const draft = await signedOut(PUBLIC, { slug: 'draft-e2e' });
    expect(draft.errors).toBeUndefined();
    expect(draft.data).toEqual({ publicStatusPage: null });
    expect((await signedOut(PUBLIC, { slug: 'no-such-page' })).data).toEqual({ publicStatusPage: null });

    // The management side stays closed to the signed out.
    const list = await signedOut('{ statusPages { slug } }');
    expect(list.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});
