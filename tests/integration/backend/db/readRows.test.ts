import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/backend/db/openStore';
import type { Database } from '../../../../src/backend/db/schema';
import { readRows } from '../../../../src/backend/db/readRows';
import { tempDir } from '../../../helpers/tempDir';
import { buildWorkbenchDistrict } from '../../../helpers/workbenchDistrict';

let store: Store;

beforeAll(async () => {
  ({ store } = await buildWorkbenchDistrict(tempDir('kaoping-read-rows-')));
});
afterAll(async () => {
  await store.close();
});

describe('readRows', () => {
  it('returns exactly what execute() returns: same rows, order, keys and values (text, numbers, nulls)', async () => {
    const db = store.db;
    const journalsQuery = db
      .selectFrom('journals')
      .select(['id', 'manager_id', 'date', 'retailer_id', 'content', 'problems', 'violation', 'price_marked', 'display_ok', 'batch_id'])
      .where('date', '>=', '2026-10-01')
      .where('date', '<=', '2026-10-31')
      .orderBy('date')
      .orderBy('id');
    const queries = [
      db.selectFrom('retailers').select(['id', 'licence', 'name', 'tier', 'route', 'longitude', 'latitude', 'status', 'manager_code', 'batch_id']),
      journalsQuery,
      db.selectFrom('orders').select(['id', 'date', 'quantity', 'amount', 'retailer_ref']).where('quantity', '>=', 5).orderBy('amount', 'desc'),
    ];
    for (const query of queries) {
      const expected: unknown[] = await query.execute();
      expect(expected.length).toBeGreaterThan(0);
      expect(await readRows<Database, unknown>(store.db, query)).toEqual(expected);
    }
    // Some values of each kind went through, not only strings.
    const journals = await readRows(store.db, journalsQuery);
    expect(journals.some((j) => j.problems === null)).toBe(true);
    expect(journals.every((j) => typeof j.id === 'number' && /[\u4e00-\u9fa5]/.test(j.content))).toBe(true);
  });
});
