import { bearer, collect, eventually, graphql, subscriptionClient } from '@switchyard/testing';
import { createHousehold, createRecipe, login, signedInAs } from '@switchyard/testing/fixtures';
import { ONE_BACKEND, startSystem, type System } from '@switchyard/testing/system';

const SET_ENTRY = 'mutation ($input: MealPlanEntryInput!) { setMealPlanEntry(input: $input) { id } }';
const GENERATE = 'mutation ($weekStart: Date!) { generateShoppingList(weekStart: $weekStart) { id } }';
const ADD_ITEM = 'mutation ($listId: ID!, $text: String!) { addShoppingItem(listId: $listId, text: $text) { id } }';
const ADD_MEMBER = 'mutation ($h: ID!, $u: ID!) { addHouseholdMember(householdId: $h, userId: $u) { id } }';
const FEED = '{ activity(first: 200) { edges { node { kind details } } } }';
const LIVE = 'subscription { activityAdded { kind details } }';

type Session = Awaited<ReturnType<typeof signedInAs>>;

// Acceptance 5 of issue 13: a VIEWER's feed holds nothing of households they are not in, queried or live.
describe.each(ONE_BACKEND)('the activity feed keeps households and sign-ins to their readers (%s)', (backend) => {
  let system: System;
  let gateway: string;
  let adminToken: string;
  let ann: Session;
  let bob: Session;
  // Viewers join households operators create, and plan in them (see the meals README's roles).
  let annsCook: Session;
  let bobsCook: Session;
  // Every household event's details name its household.
  let annsHousehold: string;
  let bobsHousehold: string;
  const as = (user: { token: string }, query: string, variables: Record<string, unknown> = {}) =>
    graphql(gateway, query, variables, bearer(user.token));

  beforeAll(async () => {
    system = await startSystem(backend, {
      subgraphs: ['identity', 'meals', 'observability'],
      env: { SEED_DEMO_DATA: 'false', MONITORED_SERVICES: 'identity,meals', ACTIVITY_POLL_MS: '300' },
    });
    gateway = system.gatewayUrl;
    adminToken = (await login(gateway, system.admin.email, system.admin.password)).accessToken;
    [ann, bob, annsCook, bobsCook] = await Promise.all([
      signedInAs(gateway, adminToken, 'VIEWER'),
      signedInAs(gateway, adminToken, 'VIEWER'),
      signedInAs(gateway, adminToken, 'OPERATOR'),
      signedInAs(gateway, adminToken, 'OPERATOR'),
    ]);
    annsHousehold = await createHousehold(gateway, annsCook.token, "Ann's");
    bobsHousehold = await createHousehold(gateway, bobsCook.token, "Bob's");
    for (const [cook, member, household] of [
      [annsCook, ann, annsHousehold],
      [bobsCook, bob, bobsHousehold],
    ] as const) {
      const added = await as(cook, ADD_MEMBER, { h: household, u: member.id });
      expect(added.errors).toBeUndefined();
    }
  });
  afterAll(() => system?.destroy());

  /** A plan entry with a note, a generated list and an item on it: four kinds of household events. */
  async function householdActivity(user: Session, cook: Session, marker: string) {
    const recipeId = await createRecipe(gateway, cook.token, `${marker} stew`, ['1 onion']);
    const dinner = { date: '2030-03-04', slot: 'DINNER', recipeId, note: `${marker} note` };
    expect((await as(user, SET_ENTRY, { input: dinner })).errors).toBeUndefined();
    const lunch = await as(user, SET_ENTRY, { input: { date: '2030-03-05', slot: 'LUNCH', recipeId } });
    const removed = await as(user, 'mutation ($id: ID!) { removeMealPlanEntry(id: $id) }', {
      id: lunch.data.setMealPlanEntry.id,
    });
    expect(removed.errors).toBeUndefined();
    const list = (await as(user, GENERATE, { weekStart: '2030-03-04' })).data.generateShoppingList;
    expect((await as(user, ADD_ITEM, { listId: list.id, text: `${marker} item` })).errors).toBeUndefined();
  }

  it("shows each member their own household's events, no one else's, and sign-ins to admins only", async () => {
    const annLive = subscriptionClient(gateway, { authorization: `Bearer ${ann.token}` });
    const annSees = collect(annLive, LIVE);
    await new Promise((resolve) => setTimeout(resolve, 500));

    await householdActivity(ann, annsCook, annsHousehold);
    await householdActivity(bob, bobsCook, bobsHousehold);

    const kinds = ['MealPlanEntrySet', 'MealPlanEntryRemoved', 'ShoppingItemAdded'];
    const feedOf = async (token: string) =>
      (await graphql(gateway, FEED, {}, bearer(token))).data.activity.edges.map((e: any) => e.node);
    const mentions = (entries: { details: string }[], marker: string) =>
      entries.filter((entry) => entry.details.includes(marker));

    // Ann's own events reach her feed (so the feed is working), Bob's never do.
    const annFeed = await eventually(async () => {
      const entries = await feedOf(ann.token);
      return mentions(entries, annsHousehold).length >= 3 && entries;
    });
    for (const kind of kinds) expect(annFeed.some((e: any) => e.kind === kind)).toBe(true);
    await eventually(async () => mentions(await feedOf(bob.token), bobsHousehold).length >= 3);
    expect(mentions(await feedOf(ann.token), bobsHousehold)).toEqual([]);
    expect(mentions(await feedOf(bob.token), annsHousehold)).toEqual([]);
    // An admin in neither household sees neither, as meals would show them neither.
    const adminFeed = await feedOf(adminToken);
    expect([...mentions(adminFeed, annsHousehold), ...mentions(adminFeed, bobsHousehold)]).toEqual([]);

    // Sign-ins and sessions: admins only.
    await eventually(async () => (await feedOf(adminToken)).some((e: any) => e.kind === 'UserLoggedIn'));
    expect((await feedOf(ann.token)).filter((e: any) => ['UserLoggedIn', 'SessionRevoked'].includes(e.kind))).toEqual(
      [],
    );

    // Live: the same rule. Ann's subscription got her events and none of Bob's.
    const live = () => annSees.results.map((r: any) => r.data?.activityAdded).filter(Boolean);
    await eventually(async () => mentions(live(), annsHousehold).length >= 3);
    expect(mentions(live(), bobsHousehold)).toEqual([]);
    expect(live().filter((e: any) => e.kind === 'UserLoggedIn')).toEqual([]);
    await annLive.dispose();
  });
});
