import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../../../src/backend/db/openStore';
import { openTestStore } from '../../../../helpers/testStore';
import { createDistrict } from '../../../../../src/backend/repositories/districtRepository';
import { assertInDistrict, districtOf, districtOfRequest } from '../../../../../src/backend/services/districts/districtScope';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import { tempDir } from '../../../../helpers/tempDir';
import { writeCsv } from '../../../../helpers/writeSheets';

const now = new Date('2026-11-10T02:00:00Z');

describe('district scope of a request (for the server’s accounts)', () => {
  let store: Store;
  let a: number;
  let b: number;

  beforeAll(async () => {
    const dir = tempDir('kaoping-scope-');
    store = await openTestStore(path.join(dir, 'k.sqlite'));
    const roster = (name: string, code: string) =>
      writeCsv(path.join(dir, `${code}.csv`), [['工号', '姓名', '营销部', '状态'], [code, '张三', name, '在岗']], 'utf8-bom');
    await importFiles(store, [roster('临河营销部', 'LH001')], { now });
    await importFiles(store, [roster('城区营销部', 'CQ001')], { now, district: '城区营销部' });
    const ids = await store.db.selectFrom('districts').select(['id', 'name']).orderBy('id').execute();
    a = ids[0]?.id ?? -1;
    b = ids[1]?.id ?? -1;
  });
  afterAll(async () => {
    await store?.close();
  });

  it('tells the district of a manager, by code or id, and of a batch', async () => {
    expect(await districtOf(store.db, { managerCode: 'LH001' })).toBe(a);
    expect(await districtOf(store.db, { managerCode: 'CQ001' })).toBe(b);
    const cq = await store.db.selectFrom('managers').select(['id', 'created_batch_id']).where('code', '=', 'CQ001').executeTakeFirstOrThrow();
    expect(await districtOf(store.db, { managerId: cq.id })).toBe(b);
    expect(await districtOf(store.db, { batchId: cq.created_batch_id })).toBe(b);
    expect(await districtOf(store.db, { managerCode: 'NOPE' })).toBeUndefined();
  });

  it('assertInDistrict refuses another district’s manager, passes one’s own and unknown ids', async () => {
    await expect(assertInDistrict(store.db, a, { managerCode: 'LH001' })).resolves.toBeUndefined();
    await expect(assertInDistrict(store.db, a, { managerCode: 'NOPE' })).resolves.toBeUndefined();
    await expect(assertInDistrict(store.db, a, { managerCode: 'CQ001' })).rejects.toMatchObject({ code: 'other_district' });
  });

  it('districtOfRequest: an account’s own district wins and another is refused; without an account the named one, else refused in a store of several', async () => {
    expect(await districtOfRequest(store.db, { accountDistrictId: b })).toBe(b);
    expect(await districtOfRequest(store.db, { accountDistrictId: b, district: '城区营销部' })).toBe(b);
    await expect(districtOfRequest(store.db, { accountDistrictId: b, district: '临河营销部' })).rejects.toMatchObject({ code: 'other_district' });
    expect(await districtOfRequest(store.db, { district: '临河营销部' })).toBe(a);
    await expect(districtOfRequest(store.db, {})).rejects.toMatchObject({ code: 'district_needed' });
    await expect(districtOfRequest(store.db, { district: '无此营销部' })).rejects.toMatchObject({ code: 'unknown_district' });
    await createDistrict(store.db, '开发区营销部', now);
    await expect(districtOfRequest(store.db, {})).rejects.toThrow(/本库有 3 个营销部/);
  });
});
