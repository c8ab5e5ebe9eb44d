import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { userPrincipal, startSmtp } from '@switchyard/testing';
import { createWeeklyEmailJob } from '../src/jobs/weekly-email-job.ts';
import { createMailer } from '@switchyard/shared/mail';
import { BACKENDS, CREATE_RECIPE, householdOwner, recipeInput, startMeals, type Meals } from './support.ts';

describe.each(BACKENDS)('weekly plan email (%s)', (backend) => {
  let meals: Meals;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const partner = userPrincipal('VIEWER');
  // Sunday 22 November 2026, 18:00 UTC: the email for the week from Monday 23rd is due at 17:00.
  const sundayEvening = new Date('2026-11-22T18:00:00Z');
  let resolveEmails: Parameters<typeof createWeeklyEmailJob>[0]['resolveEmails'];

  beforeAll(async () => {
    [meals, smtp] = await Promise.all([startMeals(backend), startSmtp()]);
    const owner = await householdOwner(meals, 'The Testers');
    await meals.call(
      owner.principal,
      'mutation ($h: ID!, $u: ID!) { addHouseholdMember(householdId: $h, userId: $u) { id } }',
      { h: owner.householdId, u: partner.userId },
    );
    const recipe = (
      await meals.call(owner.principal, CREATE_RECIPE, {
        input: recipeInput('Sunday Pancakes', ['250 g flour', '2 eggs', '500 ml milk']),
      })
    ).data!.createRecipe;
    await meals.call(
      owner.principal,
      'mutation ($input: MealPlanEntryInput!) { setMealPlanEntry(input: $input) { id } }',
      {
        input: { date: '2026-11-25', slot: 'BREAKFAST', recipeId: recipe.id },
      },
    );
    const directory = new Map([
      [owner.principal.userId, { id: owner.principal.userId, email: 'owner@example.test', displayName: 'Olive' }],
      [partner.userId, { id: partner.userId, email: 'partner@example.test', displayName: 'Pat' }],
    ]);
    resolveEmails = async (ids) => ids.flatMap((id) => (directory.has(id) ? [directory.get(id)!] : []));
  });
  afterAll(async () => {
    await meals?.stop();
    await smtp?.close();
  });

  const job = () =>
    createWeeklyEmailJob({
      ...meals.services,
      deliveries: meals.services.weeklyEmails,
      resolveEmails,
      mailer: createMailer({
        service: 'meals',
        smtpUrl: smtp.url,
        from: 'meals@example.test',
        outboxDir: '/nonexistent',
      }),
      schedule: { weekday: 7, hour: 17 },
      logger: meals.logger,
    });

  it('is not sent before the configured local hour', async () => {
    expect(await job().runOnce(new Date('2026-11-22T16:59:00Z'))).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('emails each member the plan and the list once, even with two replicas running the job', async () => {
    const sent = await Promise.all([job().runOnce(sundayEvening), job().runOnce(sundayEvening)]);
    expect(sent[0]! + sent[1]!).toBe(2);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['owner@example.test', 'partner@example.test']);
    const message = smtp.received.find((m) => m.to[0] === 'partner@example.test')!;
    expect(message.subject).toBe('Meal plan for the week of 2026-11-23 - The Testers');
    expect(message.text).toContain('Hello Pat,');
    expect(message.text).toContain('Wednesday 25 November\n  Breakfast: Sunday Pancakes (4 servings)');
    expect(message.text).toMatch(/Pantry\n\s+- 250 g flour/);
    expect(message.text).toMatch(/Dairy & Eggs\n\s+- 2 eggs\n\s+- 500 ml milk/);

    expect(await job().runOnce(new Date('2026-11-22T21:00:00Z'))).toBe(0);
    expect(smtp.received).toHaveLength(2);
  });

  it('writes .eml files under the data directory when no SMTP server is configured', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meals-mail-'));
    try {
      await createMailer({ service: 'meals', smtpUrl: null, from: 'meals@example.test', outboxDir: dir }).send({
        to: 'a@example.test',
        subject: 'Plan',
        text: 'Dinner: soup',
        html: '<p>Dinner: soup</p>',
      });
      const [file] = readdirSync(dir);
      expect(file).toMatch(/\.eml$/);
      expect(readFileSync(path.join(dir, file!), 'utf8')).toMatch(/Subject: Plan[\s\S]*Dinner: soup/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
