import {
  NotFoundError,
  appendToOutbox,
  decodeCursor,
  encodeCursor,
  entityById,
  idempotent,
  type IdempotencyRequest,
} from '@switchyard/shared';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { recipeImported } from '../domain/events.ts';
import type { Nutrition, Recipe, RecipeData } from '../domain/types.ts';
import type { Transaction } from './household-repository.ts';
import type { RecipeFilter, RecipeRepository } from './repositories.ts';

const WITH_PARTS = { ingredients: { orderBy: { position: 'asc' } }, steps: { orderBy: { position: 'asc' } } } as const;
type RecipeRow = Prisma.RecipeGetPayload<{ include: typeof WITH_PARTS }>;

/** `onCommitted` is told after a transaction that recorded an event commits (the outbox relay publishes it). */
export function createRecipeRepository(db: PrismaClient, onCommitted: () => void): RecipeRepository {
  return {
    async findManyByIds(ids: readonly string[]): Promise<Recipe[]> {
      return (await db.recipe.findMany({ where: { id: { in: [...ids] } }, include: WITH_PARTS })).map(toRecipe);
    },

    create: (
      householdId: string,
      createdById: string,
      data: RecipeData,
      idempotency: IdempotencyRequest | null = null,
    ) =>
      db.$transaction((tx) =>
        idempotent(tx, idempotency, () => insertRecipe(tx, householdId, createdById, data), createdRecipe),
      ),

    async createImported(
      householdId: string,
      importedById: string,
      data: RecipeData,
      idempotency: IdempotencyRequest | null = null,
    ): Promise<Recipe> {
      const recipe = await db.$transaction((tx) =>
        idempotent(
          tx,
          idempotency,
          async () => {
            const created = await insertRecipe(tx, householdId, importedById, data);
            await appendToOutbox(
              tx,
              recipeImported(
                { householdId, recipeId: created.id, title: created.title, sourceUrl: created.sourceUrl },
                importedById,
              ),
            );
            return created;
          },
          createdRecipe,
        ),
      );
      onCommitted();
      return recipe;
    },

    async update(id: string, data: RecipeData): Promise<Recipe> {
      return db.$transaction(async (tx) => {
        await tx.recipeIngredient.deleteMany({ where: { recipeId: id } });
        await tx.recipeStep.deleteMany({ where: { recipeId: id } });
        return toRecipe(
          await tx.recipe.update({ where: { id }, data: { ...columns(data), ...parts(data) }, include: WITH_PARTS }),
        );
      });
    },

    async delete(id: string): Promise<void> {
      await db.recipe.delete({ where: { id } });
    },

    async page(householdId: string, filter: RecipeFilter, size: number, after: string | null): Promise<Recipe[]> {
      const [createdAt, id] = after ? decodeCursor(after) : [];
      const cursor: Prisma.RecipeWhereInput = after
        ? {
            OR: [
              { createdAt: { lt: new Date(createdAt!) } },
              { createdAt: new Date(createdAt!), id: { lt: String(id) } },
            ],
          }
        : {};
      const rows = await db.recipe.findMany({
        where: { AND: [matching(householdId, filter), cursor] },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: size + 1,
        include: WITH_PARTS,
      });
      return rows.map(toRecipe);
    },

    async count(householdId: string, filter: RecipeFilter): Promise<number> {
      return db.recipe.count({ where: matching(householdId, filter) });
    },

    async suggestionCandidates(householdId: string) {
      return db.recipe.findMany({
        where: { householdId },
        select: { id: true, servings: true, tags: true, prepMinutes: true, cookMinutes: true },
      });
    },

    cursorOf(recipe: Recipe): string {
      return encodeCursor([recipe.createdAt.toISOString(), recipe.id]);
    },
  };
}

/** A recipe row with its ingredients and steps, in the caller's transaction (or none). */
export async function insertRecipe(
  tx: Transaction,
  householdId: string,
  createdById: string,
  data: RecipeData,
): Promise<Recipe> {
  return toRecipe(
    await tx.recipe.create({
      data: { householdId, createdById, ...columns(data), ...parts(data) },
      include: WITH_PARTS,
    }),
  );
}

const createdRecipe = entityById<Recipe>(
  async (id, tx) => {
    const row = await (tx as Transaction).recipe.findUnique({ where: { id }, include: WITH_PARTS });
    return row && toRecipe(row);
  },
  (id) => new NotFoundError('Recipe', id),
);

function matching(householdId: string, { search, tag, maxTotalMinutes }: RecipeFilter): Prisma.RecipeWhereInput {
  const contains = search ? { contains: search, mode: 'insensitive' as const } : undefined;
  return {
    householdId,
    ...(tag ? { tags: { has: tag.toLowerCase() } } : {}),
    ...(maxTotalMinutes !== null && maxTotalMinutes !== undefined ? { totalMinutes: { lte: maxTotalMinutes } } : {}),
    ...(contains
      ? { OR: [{ title: contains }, { description: contains }, { ingredients: { some: { food: contains } } }] }
      : {}),
  };
}

function columns(data: RecipeData) {
  const { title, description, servings, prepMinutes, cookMinutes, sourceUrl, imageUrl } = data;
  const totalMinutes = prepMinutes === null && cookMinutes === null ? null : (prepMinutes ?? 0) + (cookMinutes ?? 0);
  return {
    title,
    description,
    servings,
    prepMinutes,
    cookMinutes,
    totalMinutes,
    sourceUrl,
    imageUrl,
    tags: [...new Set(data.tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))],
    nutrition: data.nutrition ? (data.nutrition as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
  };
}

function parts(data: RecipeData) {
  return {
    ingredients: { create: data.ingredients.map((ingredient, position) => ({ ...ingredient, position })) },
    steps: { create: data.steps.map((text, position) => ({ position, text })) },
  };
}

function toRecipe(row: RecipeRow): Recipe {
  const { totalMinutes: _derived, ingredients, steps, nutrition, ...recipe } = row;
  return {
    ...recipe,
    nutrition: (nutrition as Nutrition | null) ?? null,
    ingredients: ingredients.map(({ id: _id, recipeId: _recipe, quantity, ...ingredient }) => ({
      ...ingredient,
      quantity: quantity === null ? null : Number(quantity),
    })),
    steps: steps.map(({ position, text }) => ({ position, text })),
  };
}
