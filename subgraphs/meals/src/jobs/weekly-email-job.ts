import type { Logger } from '@switchyard/shared';
import type {
  HouseholdRepository,
  MealPlanRepository,
  ShoppingListRepository,
  WeeklyEmailRepository,
} from '../data/repositories.ts';
import { localTime, nextMonday } from '../domain/dates.ts';
import { buildShoppingList, plannedForShopping } from '../domain/shopping-list-builder.ts';
import { renderWeeklyEmail } from '../domain/weekly-email.ts';
import type { Household } from '../domain/types.ts';
import type { ResolveEmails } from '../clients/identity-emails.ts';
import type { Mailer } from '@switchyard/shared/mail';

export interface WeeklyEmailJobDeps {
  households: Pick<HouseholdRepository, 'findAll' | 'members'>;
  mealPlans: Pick<MealPlanRepository, 'plannedRecipes'>;
  shoppingLists: Pick<ShoppingListRepository, 'latestForWeek' | 'items'>;
  deliveries: WeeklyEmailRepository;
  resolveEmails: ResolveEmails;
  mailer: Mailer;
  /** ISO weekday (Monday 1 … Sunday 7) and local hour from which the coming week's email is due. */
  schedule: { weekday: number; hour: number };
  logger: Logger;
}

const CHECK_INTERVAL_MS = 60_000;

/**
 * Emails every member the coming week's plan and shopping list once the configured local day and
 * hour arrive in the household's time zone. Each (household, week, member) is claimed in the
 * database before sending, so replicas running the same job never send twice; a failed send
 * gives its claim back and is retried on the next check.
 */
export function createWeeklyEmailJob(deps: WeeklyEmailJobDeps) {
  const { logger } = deps;

  async function emailHousehold(household: Household, weekStart: string): Promise<number> {
    const members = await deps.households.members(household.id);
    const planned = await deps.mealPlans.plannedRecipes(household.id, weekStart);
    const list = await deps.shoppingLists.latestForWeek(household.id, weekStart);
    // No list generated yet: show what generating one would give, without storing it.
    const items = list
      ? await deps.shoppingLists.items(list.id)
      : buildShoppingList(plannedForShopping(planned)).map((line) => ({ ...line, checked: false }));
    const meals = planned.map(({ entry, recipe }) => ({
      date: entry.date,
      slot: entry.slot,
      title: recipe.title,
      servings: entry.servings,
      note: entry.note,
    }));
    const recipients = new Map((await deps.resolveEmails(members.map((m) => m.userId))).map((r) => [r.id, r]));
    let sent = 0;
    for (const member of members) {
      const recipient = recipients.get(member.userId);
      if (!recipient || !(await deps.deliveries.claim(household.id, weekStart, member.userId))) continue;
      try {
        const email = renderWeeklyEmail({
          householdName: household.name,
          units: household.units,
          weekStart,
          recipientName: recipient.displayName,
          meals,
          items,
        });
        await deps.mailer.send({ to: recipient.email, ...email });
        sent += 1;
      } catch (error) {
        await deps.deliveries.release(household.id, weekStart, member.userId);
        logger.error(
          { err: error, householdId: household.id, userId: member.userId },
          'weekly email failed; will retry',
        );
      }
    }
    return sent;
  }

  /** One pass over every household; returns how many emails went out. */
  async function runOnce(now: Date): Promise<number> {
    let sent = 0;
    for (const household of await deps.households.findAll()) {
      const local = localTime(now, household.timeZone);
      if (local.weekday !== deps.schedule.weekday || local.hour < deps.schedule.hour) continue;
      try {
        sent += await emailHousehold(household, nextMonday(local.date));
      } catch (error) {
        logger.error({ err: error, householdId: household.id }, 'weekly email run failed for household');
      }
    }
    return sent;
  }

  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  return {
    runOnce,
    /** Checks at once (a process started after the hour still sends) and then every minute; the timer does not keep the process alive. */
    start(): void {
      running = runOnce(new Date());
      timer = setInterval(() => void (running = runOnce(new Date())), CHECK_INTERVAL_MS).unref();
    },
    /** Stops the timer and waits for a run in progress, so shutdown never closes the database under it. */
    async stop(): Promise<void> {
      clearInterval(timer);
      await running.catch(() => {});
    },
  };
}
