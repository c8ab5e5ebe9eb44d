import { appendToOutbox } from '@switchyard/shared';
import type { PrismaClient, MealPlanEntry as EntryRow } from '../generated/prisma/client.ts';
import { addDays, daysBetween, fromDbDate, toDbDate } from '../domain/dates.ts';
import { mealPlanChanged } from '../domain/events.ts';
import type { EntryInput, MealPlanEntry } from '../domain/types.ts';
import type { Transaction } from './household-repository.ts';
import type { MealPlanRepository, PlannedRecipe } from './repositories.ts';

/** `onCommitted` is told after a transaction that recorded events commits (the outbox relay publishes them). */
export function createMealPlanRepository(db: PrismaClient, onCommitted: () => void): MealPlanRepository {
  const inWeek = (householdId: string, weekStart: string) => ({
    householdId,
    date: { gte: toDbDate(weekStart), lte: toDbDate(addDays(weekStart, 6)) },
  });

  async function week(householdId: string, weekStart: string): Promise<MealPlanEntry[]> {
    const rows = await db.mealPlanEntry.findMany({
      where: inWeek(householdId, weekStart),
      orderBy: [{ date: 'asc' }, { slot: 'asc' }],
    });
    return rows.map(toEntry);
  }

  return {
    week,

    async findById(id: string): Promise<MealPlanEntry | null> {
      const row = await db.mealPlanEntry.findUnique({ where: { id } });
      return row ? toEntry(row) : null;
    },

    async plannedRecipes(householdId: string, weekStart: string): Promise<PlannedRecipe[]> {
      const rows = await db.mealPlanEntry.findMany({
        where: { ...inWeek(householdId, weekStart), recipeId: { not: null } },
        orderBy: [{ date: 'asc' }, { slot: 'asc' }],
        include: { recipe: { include: { ingredients: { orderBy: { position: 'asc' } } } } },
      });
      return rows.map(({ recipe, ...row }) => ({
        entry: toEntry(row),
        recipe: {
          title: recipe!.title,
          servings: recipe!.servings,
          ingredients: recipe!.ingredients.map(({ position, quantity, unit, food, note, raw }) => ({
            position,
            quantity: quantity === null ? null : Number(quantity),
            unit,
            food,
            note,
            raw,
          })),
        },
      }));
    },

    async recipeIdsPlanned(householdId: string, from: string, to: string): Promise<Set<string>> {
      const rows = await db.mealPlanEntry.findMany({
        where: { householdId, recipeId: { not: null }, date: { gte: toDbDate(from), lte: toDbDate(to) } },
        select: { recipeId: true },
        distinct: ['recipeId'],
      });
      return new Set(rows.map((row) => row.recipeId!));
    },

    async set(householdId: string, input: EntryInput, changedBy: string | null): Promise<MealPlanEntry> {
      const entry = await db.$transaction((tx) => setEntry(tx, householdId, input, changedBy));
      onCommitted();
      return entry;
    },

    async setMany(householdId: string, inputs: EntryInput[], changedBy: string | null): Promise<void> {
      if (inputs.length === 0) return;
      await db.$transaction(async (tx) => {
        for (const input of inputs) await setEntry(tx, householdId, input, changedBy);
      });
      onCommitted();
    },

    async remove(entry: MealPlanEntry, changedBy: string | null): Promise<void> {
      await db.$transaction(async (tx) => {
        const { count } = await tx.mealPlanEntry.deleteMany({ where: { id: entry.id } });
        if (count === 0) return;
        await appendToOutbox(
          tx,
          mealPlanChanged({
            householdId: entry.householdId,
            kind: 'ENTRY_REMOVED',
            date: entry.date,
            slot: entry.slot,
            entry: null,
            changedBy,
          }),
        );
      });
      onCommitted();
    },

    async copiesOfWeek(householdId: string, from: string, to: string): Promise<EntryInput[]> {
      const offset = daysBetween(from, to);
      const entries = await week(householdId, from);
      return entries.map(({ date, slot, recipeId, servings, note }) => ({
        date: addDays(date, offset),
        slot,
        recipeId,
        servings,
        note,
      }));
    },
  };
}

async function setEntry(
  tx: Transaction,
  householdId: string,
  input: EntryInput,
  changedBy: string | null,
): Promise<MealPlanEntry> {
  const data = { recipeId: input.recipeId, servings: input.servings, note: input.note };
  const date = toDbDate(input.date);
  const row = await tx.mealPlanEntry.upsert({
    where: { householdId_date_slot: { householdId, date, slot: input.slot } },
    create: { householdId, date, slot: input.slot, ...data },
    update: data,
  });
  const entry = toEntry(row);
  await appendToOutbox(
    tx,
    mealPlanChanged({ householdId, kind: 'ENTRY_SET', date: entry.date, slot: entry.slot, entry, changedBy }),
  );
  return entry;
}

function toEntry(row: EntryRow): MealPlanEntry {
  const { updatedAt: _updated, date, ...entry } = row;
  return { ...entry, date: fromDbDate(date) };
}
