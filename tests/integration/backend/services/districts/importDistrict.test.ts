import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../../src/backend/db/openStore';
import { openTestStore } from '../../../../helpers/testStore';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import { tempDir } from '../../../../helpers/tempDir';
import { writeCsv } from '../../../../helpers/writeSheets';

const now = new Date('2026-11-10T02:00:00Z');

/** Exports arrive in any order: a district made by files before the roster is the roster's. */
describe('the district of files that come before the roster', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  const setUp = async () => {
    const dir = tempDir('kaoping-late-roster-');
    store = await openTestStore(path.join(dir, 'k.sqlite'));
    const orders = writeCsv(
      path.join(dir, 'orders.csv'),
      [
        ['订货日期', '许可证号', '卷烟编码', '卷烟名称', '订购量', '批发价', '建议零售价'],
        ['2026-10-08', '150802100001', '6901028001', '黄鹤楼(硬珍品)', 2, 200, 260],
      ],
      'utf8-bom',
    );
    const roster = (code: string, department: string) =>
      writeCsv(path.join(dir, `roster-${code}.csv`), [['工号', '姓名', '营销部', '状态'], [code, '张三', department, '在岗']], 'utf8-bom');
    return { store, orders, roster };
  };

  it('takes the first roster’s 营销部 as the name of the district the orders went into, one district in all', async () => {
    const { store: s, orders, roster } = await setUp();
    const [o] = await importFiles(s, [orders], { now });
    expect(o?.status).toBe('imported');
    expect(await s.db.selectFrom('districts').select('name').execute()).toEqual([{ name: '本营销部' }]);
    const [r] = await importFiles(s, [roster('LH001', '临河营销部')], { now });
    expect(r?.status).toBe('imported');
    expect(r?.district).toBe('临河营销部');
    const districts = await s.db.selectFrom('districts').select(['id', 'name']).execute();
    expect(districts.map((d) => d.name)).toEqual(['临河营销部']);
    const managers = await s.db.selectFrom('managers').select('district_id').execute();
    expect(managers).toEqual([{ district_id: districts[0]?.id }]);
  });

  it('does not rename a district that has people: another 营销部 is refused, saying what to choose', async () => {
    const { store: s, orders, roster } = await setUp();
    await importFiles(s, [orders], { now });
    await importFiles(s, [roster('LH001', '临河营销部')], { now });
    const [other] = await importFiles(s, [roster('CQ001', '城区营销部')], { now });
    expect(other?.status).toBe('refused');
    expect(other?.message).toContain('城区营销部');
    expect((await s.db.selectFrom('districts').select('name').execute()).map((d) => d.name)).toEqual(['临河营销部']);
  });
});
