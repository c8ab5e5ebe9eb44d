import { createInMemoryMeals, type InMemoryMeals } from '../../test/fakes/in-memory-meals.ts';
import { createHouseholdService } from './household-service.ts';

describe('household service', () => {
  // Thursday 26 November 2026: the week began on Monday the 23rd.
  const thursday = new Date('2026-11-26T12:00:00Z');
  let fake: InMemoryMeals;

  beforeEach(() => {
    fake = createInMemoryMeals();
  });

  it('gives the first household of an install the demo recipes and the current week planned', async () => {
    const service = createHouseholdService({ households: fake.households, seedDemoData: true });
    const first = await service.create({ name: 'First', timeZone: 'Europe/Berlin' }, 'owner-1', thursday);
    const second = await service.create({ name: 'Second', timeZone: 'Europe/Berlin' }, 'owner-2', thursday);

    expect(fake.rows.households.map(({ id, demoWeekStart }) => [id, demoWeekStart])).toEqual([
      [first.id, '2026-11-23'],
      [second.id, null],
    ]);
    expect(fake.rows.members).toEqual([
      { householdId: first.id, userId: 'owner-1', role: 'OWNER' },
      { householdId: second.id, userId: 'owner-2', role: 'OWNER' },
    ]);
  });

  it('gives none without demo data', async () => {
    const service = createHouseholdService({ households: fake.households, seedDemoData: false });
    await service.create({ name: 'First', timeZone: 'Europe/Berlin' }, 'owner-1', thursday);
    expect(fake.rows.households[0]!.demoWeekStart).toBeNull();
  });

  it('refuses a second household for the same owner', async () => {
    const service = createHouseholdService({ households: fake.households, seedDemoData: false });
    await service.create({ name: 'First', timeZone: 'Europe/Berlin' }, 'owner-1', thursday);
    await expect(service.create({ name: 'Again', timeZone: 'UTC' }, 'owner-1', thursday)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(fake.rows.households).toHaveLength(1);
  });
});
