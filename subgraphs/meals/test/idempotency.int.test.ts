import { randomUUID } from 'node:crypto';
import type { Principal } from '@switchyard/shared';
import { userPrincipal } from '@switchyard/testing';
import { BACKENDS, householdOwner, recipeInput, startMeals, type Meals } from './support.ts';

type Vars = Record<string, unknown>;

/** One keyed mutation: how to call it with fresh arguments, and how to count what it wrote. */
interface Case {
  op: string;
  mutation: string;
  /** Fresh arguments (without the key); unique, so `rows` counts only this test's writes. */
  args(): Vars;
  rows(args: Vars): Promise<number>;
  /** The outbox events of the created entity, for operations that record one. */
  events?(id: string): Promise<number>;
  /** Who calls; createHousehold needs a user with no household yet. */
  caller(): Principal;
  /** Another user who may call it too. */
  other(): Principal;
}

const unique = () => randomUUID().replaceAll('-', '').slice(0, 12);
let days = 0;
/** A week nobody else's test generates a list for. */
const freshWeek = () => new Date(Date.UTC(2031, 0, 1 + 7 * days++)).toISOString().slice(0, 10);

const recipePage = (title: string) =>
  `<html><head><script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org/',
    '@type': 'Recipe',
    name: title,
    recipeIngredient: ['2 eggs'],
    recipeInstructions: ['Cook it.'],
  })}</script></head><body></body></html>`;

describe.each(BACKENDS)('idempotency keys on meals mutations (%s)', (backend) => {
  let meals: Meals;
  let owner: { principal: Principal; householdId: string };
  let partner: Principal;
  let listId: string;

  beforeAll(async () => {
    meals = await startMeals(backend);
    owner = await householdOwner(meals);
    // An operator: recipes need that role, and the point here is only that it is someone else.
    partner = userPrincipal('OPERATOR');
    await meals.call(
      owner.principal,
      'mutation ($h: ID!, $u: ID!) { addHouseholdMember(householdId: $h, userId: $u) { id } }',
      {
        h: owner.householdId,
        u: partner.userId,
      },
    );
    const list = await meals.call(
      owner.principal,
      'mutation ($w: Date!) { generateShoppingList(weekStart: $w) { id } }',
      {
        w: freshWeek(),
      },
    );
    listId = list.data!.generateShoppingList.id;
  });
  afterAll(() => meals?.stop());

  const member = () => owner.principal;
  const cases: Case[] = [
    {
      op: 'createHousehold',
      mutation:
        'mutation ($name: String!, $key: String) { createHousehold(name: $name, idempotencyKey: $key) { id name } }',
      args: () => ({ name: `Household ${unique()}` }),
      rows: ({ name }) => meals.db.household.count({ where: { name: name as string } }),
      caller: () => userPrincipal('OPERATOR'),
      other: () => userPrincipal('OPERATOR'),
    },
    {
      op: 'createRecipe',
      mutation:
        'mutation ($input: RecipeInput!, $key: String) { createRecipe(input: $input, idempotencyKey: $key) { id title } }',
      args: () => ({ input: recipeInput(`Soup ${unique()}`, ['1 l stock']) }),
      rows: ({ input }) => meals.db.recipe.count({ where: { title: (input as { title: string }).title } }),
      caller: member,
      other: () => partner,
    },
    {
      op: 'importRecipe',
      mutation:
        'mutation ($html: String, $key: String) { importRecipe(html: $html, idempotencyKey: $key) { id title } }',
      args: () => ({ html: recipePage(`Omelette ${unique()}`) }),
      rows: ({ html }) => meals.db.recipe.count({ where: { title: /"name":"([^"]+)"/.exec(html as string)![1] } }),
      events: (id) => meals.db.outboxEvent.count({ where: { aggregateId: id, type: 'RecipeImported' } }),
      caller: member,
      other: () => partner,
    },
    {
      op: 'generateShoppingList',
      mutation:
        'mutation ($weekStart: Date!, $key: String) { generateShoppingList(weekStart: $weekStart, idempotencyKey: $key) { id name } }',
      args: () => ({ weekStart: freshWeek() }),
      rows: ({ weekStart }) =>
        meals.db.shoppingList.count({
          where: { householdId: owner.householdId, weekStart: new Date(`${weekStart as string}T00:00:00Z`) },
        }),
      caller: member,
      other: () => partner,
    },
    {
      op: 'addShoppingItem',
      mutation:
        'mutation ($listId: ID!, $text: String!, $key: String) { addShoppingItem(listId: $listId, text: $text, idempotencyKey: $key) { id food } }',
      args: () => ({ listId, text: `2 kg beans${unique()}` }),
      rows: ({ text }) =>
        meals.db.shoppingItem.count({ where: { listId, food: { contains: (text as string).slice('2 kg '.length) } } }),
      events: (id) => meals.db.outboxEvent.count({ where: { aggregateId: id, type: 'ShoppingItemAdded' } }),
      caller: member,
      other: () => partner,
    },
  ];

  const call = (caller: Principal, c: Case, args: Vars, key: string) =>
    meals.call(caller, c.mutation, { ...args, key });
  const created = (c: Case, result: { data?: Record<string, { id: string }> | null }) => result.data![c.op]!;

  describe.each(cases.map((c) => [c.op, c] as const))('%s', (_op, c) => {
    it('answers a repeat with the first result and writes once', async () => {
      const [caller, args, key] = [c.caller(), c.args(), `k-${randomUUID()}`];
      const first = await call(caller, c, args, key);
      expect(first.errors).toBeUndefined();
      const repeat = await call(caller, c, args, key);
      expect(repeat.errors).toBeUndefined();
      expect(created(c, repeat)).toEqual(created(c, first));
      expect(await c.rows(args)).toBe(1);
      if (c.events) expect(await c.events(created(c, first).id)).toBe(1);
      expect(await meals.db.idempotencyRecord.findMany({ where: { key } })).toEqual([
        expect.objectContaining({
          operation: c.op,
          principalId: `user:${caller.userId}`,
          result: { id: created(c, first).id },
        }),
      ]);
    });

    it('refuses the same key with other arguments and writes nothing', async () => {
      const [caller, args, other, key] = [c.caller(), c.args(), c.args(), `k-${randomUUID()}`];
      expect((await call(caller, c, args, key)).errors).toBeUndefined();
      const reused = await call(caller, c, other, key);
      expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
      expect(await c.rows(other)).toBe(0);
      expect(await c.rows(args)).toBe(1);
    });

    it('does the work once for concurrent duplicates, answering each with its result', async () => {
      const [caller, args, key] = [c.caller(), c.args(), `k-${randomUUID()}`];
      const results = await Promise.all(Array.from({ length: 5 }, () => call(caller, c, args, key)));
      for (const result of results) expect(result.errors).toBeUndefined();
      const ids = new Set(results.map((result) => created(c, result).id));
      expect(ids.size).toBe(1);
      expect(await c.rows(args)).toBe(1);
      if (c.events) expect(await c.events([...ids][0]!)).toBe(1);
    });

    it('refuses a malformed key and writes nothing', async () => {
      const [caller, args] = [c.caller(), c.args()];
      for (const malformed of ['', 'has space', 'x'.repeat(129)]) {
        const refused = await call(caller, c, args, malformed);
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      }
      expect(await c.rows(args)).toBe(0);
    });

    it("keeps another user's same key apart", async () => {
      const [args, key] = [c.args(), `k-${randomUUID()}`];
      const mine = await call(c.caller(), c, args, key);
      const theirs = await call(c.other(), c, args, key);
      expect(theirs.errors).toBeUndefined();
      expect(created(c, theirs).id).not.toBe(created(c, mine).id);
      expect(await c.rows(args)).toBe(2);
    });
  });

  it('answers a repeated createRecipe with the recipe as it is now', async () => {
    const c = cases.find(({ op }) => op === 'createRecipe')!;
    const [args, key] = [c.args(), `k-${randomUUID()}`];
    const first = created(c, await call(owner.principal, c, args, key));
    const input = { ...(args.input as object), title: `Renamed ${unique()}` };
    await meals.call(
      owner.principal,
      'mutation ($id: ID!, $input: RecipeInput!) { updateRecipe(id: $id, input: $input) { id } }',
      {
        id: first.id,
        input,
      },
    );
    const repeat = await call(owner.principal, c, args, key);
    expect(created(c, repeat)).toEqual({ id: first.id, title: input.title });
  });
});
