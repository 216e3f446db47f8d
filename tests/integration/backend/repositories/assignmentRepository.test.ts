import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRetailersOfManager } from '../../../../src/backend/repositories/assignmentRepository';
import { buildDemoDatabase, type DemoDatabase } from '../../../helpers/demoDatabase';
import { tempDir } from '../../../helpers/tempDir';

let demo: DemoDatabase;
let managerId: number;

beforeAll(async () => {
  demo = await buildDemoDatabase(tempDir(), 1, 2);
  const manager = await demo.store.db.selectFrom('managers').select('id').where('code', '=', 'LH001').executeTakeFirstOrThrow();
  managerId = manager.id;
}, 180_000);
afterAll(() => demo?.store.close());

const setEmployment = (hired_on: string | null, left_on: string | null) =>
  demo.store.db.updateTable('managers').set({ hired_on, left_on }).where('id', '=', managerId).execute();

describe('the retailers a manager serves in a month (the manager drawer’s count)', () => {
  it('counts the shops held in the month, and none in a month wholly after the manager left or before they were hired', async () => {
    const { hired_on, left_on } = await demo.store.db.selectFrom('managers').select(['hired_on', 'left_on']).where('id', '=', managerId).executeTakeFirstOrThrow();
    const october = await countRetailersOfManager(demo.store.db, managerId, '2026-10');
    const september = await countRetailersOfManager(demo.store.db, managerId, '2026-09');
    expect(october).toBeGreaterThan(0);
    expect(september).toBeGreaterThan(0);

    // Left mid-September: still served September's shops until then, none in October.
    await setEmployment(hired_on, '2026-09-15');
    expect(await countRetailersOfManager(demo.store.db, managerId, '2026-09')).toBe(september);
    expect(await countRetailersOfManager(demo.store.db, managerId, '2026-10')).toBe(0);

    // Hired in November: serves nobody in October; hired on October's last day: serves its shops.
    await setEmployment('2026-11-02', null);
    expect(await countRetailersOfManager(demo.store.db, managerId, '2026-10')).toBe(0);
    await setEmployment('2026-10-31', null);
    expect(await countRetailersOfManager(demo.store.db, managerId, '2026-10')).toBe(october);
    await setEmployment(hired_on, left_on);
  });
});
