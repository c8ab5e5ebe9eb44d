import { createLogger } from '@switchyard/shared';
import { createInMemoryMeals, type InMemoryMeals } from '../../test/fakes/in-memory-meals.ts';
import type { Recipient } from '../clients/identity-emails.ts';
import type { MailMessage } from '@switchyard/shared/mail';
import { createWeeklyEmailJob } from './weekly-email-job.ts';

// Sunday 22 November 2026, 18:00 UTC: 19:00 in Berlin (due at 17:00), already Monday morning in Auckland.
const BERLIN_SUNDAY_EVENING = new Date('2026-11-22T18:00:00Z');
// Sunday 22 November 2026, 04:30 UTC: 17:30 in Auckland, early morning in Berlin.
const AUCKLAND_SUNDAY_EVENING = new Date('2026-11-22T04:30:00Z');

const pancakes = {
  title: 'Sunday Pancakes',
  servings: 4,
  ingredients: [
    { position: 0, quantity: 250, unit: 'g', food: 'flour', note: null, raw: '250 g flour' },
    { position: 1, quantity: 2, unit: null, food: 'eggs', note: null, raw: '2 eggs' },
  ],
};

describe('weekly email job', () => {
  let fake: InMemoryMeals;
  let mailbox: MailMessage[];
  let unreachable: Set<string>;
  const directory = new Map<string, Recipient>(
    [
      ['ann', 'ann@example.test', 'Ann'],
      ['bob', 'bob@example.test', 'Bob'],
      ['kim', 'kim@example.test', 'Kim'],
    ].map(([id, email, displayName]) => [id!, { id: id!, email: email!, displayName: displayName! }]),
  );

  const job = () =>
    createWeeklyEmailJob({
      ...fake,
      deliveries: fake.weeklyEmails,
      // Only active users have an address: "carol" is deactivated.
      resolveEmails: async (ids) => ids.flatMap((id) => (directory.has(id) ? [directory.get(id)!] : [])),
      mailer: {
        async send(message) {
          if (unreachable.has(message.to)) throw new Error(`mailbox ${message.to} unavailable`);
          mailbox.push(message);
        },
      },
      schedule: { weekday: 7, hour: 17 },
      logger: createLogger('meals-test', 'silent'),
    });
  const recipients = () => mailbox.map((message) => message.to).sort();

  beforeEach(() => {
    fake = createInMemoryMeals();
    mailbox = [];
    unreachable = new Set();
  });

  it("sends each member with an address the coming week's plan once, when the household's local day and hour come", async () => {
    const berlin = fake.seed.household('Berlin Flat', 'Europe/Berlin', 'ann', ['bob', 'carol']);
    fake.seed.household('Auckland House', 'Pacific/Auckland', 'kim');
    fake.seed.plan(berlin.id, { date: '2026-11-25', slot: 'BREAKFAST', servings: 4 }, pancakes);

    expect(await job().runOnce(new Date('2026-11-22T15:59:00Z'))).toBe(0);
    expect(await job().runOnce(BERLIN_SUNDAY_EVENING)).toBe(2);
    expect(recipients()).toEqual(['ann@example.test', 'bob@example.test']);
    const bobs = mailbox.find((message) => message.to === 'bob@example.test')!;
    expect(bobs.subject).toBe('Meal plan for the week of 2026-11-23 - Berlin Flat');
    expect(bobs.text).toContain('Hello Bob,');
    expect(bobs.text).toContain('Wednesday 25 November\n  Breakfast: Sunday Pancakes (4 servings)');

    expect(await job().runOnce(new Date('2026-11-22T21:00:00Z'))).toBe(0);
    expect(mailbox).toHaveLength(2);
  });

  it("follows each household's time zone", async () => {
    fake.seed.household('Berlin Flat', 'Europe/Berlin', 'ann');
    fake.seed.household('Auckland House', 'Pacific/Auckland', 'kim');

    expect(await job().runOnce(AUCKLAND_SUNDAY_EVENING)).toBe(1);
    expect(mailbox.map((message) => [message.to, message.subject])).toEqual([
      ['kim@example.test', 'Meal plan for the week of 2026-11-23 - Auckland House'],
    ]);
  });

  it('gives the claim of a failed send back, so the next run sends it', async () => {
    const berlin = fake.seed.household('Berlin Flat', 'Europe/Berlin', 'ann', ['bob']);
    unreachable.add('bob@example.test');

    expect(await job().runOnce(BERLIN_SUNDAY_EVENING)).toBe(1);
    expect([...fake.rows.claims]).toEqual([`${berlin.id}/2026-11-23/ann`]);

    unreachable.clear();
    expect(await job().runOnce(BERLIN_SUNDAY_EVENING)).toBe(1);
    expect(recipients()).toEqual(['ann@example.test', 'bob@example.test']);
  });

  it('lists what is left to buy on the generated list, or what generating one would give', async () => {
    const listed = fake.seed.household('With a list', 'Europe/Berlin', 'ann');
    fake.seed.list(listed.id, '2026-11-23', [
      { food: 'coffee', quantity: 500, unit: 'g', category: 'Pantry', checked: false },
      { food: 'milk', quantity: 1, unit: 'l', category: 'Dairy & Eggs', checked: true },
    ]);
    const unlisted = fake.seed.household('Without a list', 'Europe/Berlin', 'bob');
    fake.seed.plan(unlisted.id, { date: '2026-11-24', slot: 'DINNER', servings: 4 }, pancakes);

    await job().runOnce(BERLIN_SUNDAY_EVENING);

    const anns = mailbox.find((message) => message.to === 'ann@example.test')!.text;
    expect(anns).toMatch(/Pantry\n\s+- 500 g coffee/);
    expect(anns).not.toContain('milk');
    const bobs = mailbox.find((message) => message.to === 'bob@example.test')!.text;
    expect(bobs).toMatch(/- 250 g flour/);
    expect(bobs).toMatch(/- 2 eggs/);
  });
});
