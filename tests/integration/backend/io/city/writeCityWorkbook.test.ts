import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../../src/backend/db/openStore';
import { writeCityWorkbook } from '../../../../../src/backend/io/city/writeCityWorkbook';
import { listDistricts } from '../../../../../src/backend/repositories/districtRepository';
import { cityMonth } from '../../../../../src/backend/services/city/cityMonth';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { readMonthSnapshot } from '../../../../../src/backend/services/evaluation/monthSnapshot';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import { cityJson } from '../../../../../src/cli/commands/runCity';
import { runCli } from '../../../../helpers/runCli';
import { tempDir } from '../../../../helpers/tempDir';
import { writeCsv, type SheetCell } from '../../../../helpers/writeSheets';

const MONTH = '2026-10';
const now = new Date('2026-11-10T02:00:00Z');
const DAYS = ['2026-10-08', '2026-10-09', '2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15'];

/** A small district as real CSV files: `count` managers with a shop each and a journal entry per day. */
function writeDistrict(dir: string, name: string, prefix: string, licenceBase: number, count: number): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const codes = Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);
  const roster: SheetCell[][] = [['工号', '姓名', '营销部', '服务线路', '状态'], ...codes.map((c, i) => [c, `${name.slice(0, 2)}${i + 1}号`, name, `${prefix}-${i + 1}`, '在岗'])];
  const retailers: SheetCell[][] = [
    ['许可证号', '客户名称', '经度', '纬度', '档位', '送货线路', '客户经理工号', '状态'],
    ...codes.map((c, i) => [String(licenceBase + i), `${name.slice(0, 2)}商店${i + 1}`, 117 + i / 100, 36.6 + i / 100, 10, `${prefix}-${i + 1}`, c, '正常']),
  ];
  const journals: SheetCell[][] = [['日期', '工号', '姓名', '许可证号', '日志内容']];
  codes.forEach((c, i) =>
    DAYS.forEach((d, j) =>
      journals.push([d, c, `${name.slice(0, 2)}${i + 1}号`, String(licenceBase + i), `${name}第${i + 1}位客户经理第${j + 1}次走访，核对库存${i * 7 + j * 3 + 5}条，检查陈列${j + i}处，记录周边${i + j + 1}家门店情况。`]),
    ),
  );
  return [
    writeCsv(path.join(dir, '花名册.csv'), roster, 'utf8-bom'),
    writeCsv(path.join(dir, '零售客户_202610.csv'), retailers, 'utf8-bom'),
    writeCsv(path.join(dir, '工作日志_202610.csv'), journals, 'utf8-bom'),
  ];
}

describe('市公司汇总 of a store with three districts', () => {
  let store: Store;
  let dir: string;
  let dbPath: string;

  beforeAll(async () => {
    dir = tempDir('kaoping-city-');
    dbPath = path.join(dir, 'city.sqlite');
    store = await openStore(dbPath);
    for (const [name, prefix, base, count] of [
      ['临河营销部', 'LH', 370902110001, 4],
      ['城区营销部', 'CQ', 370903110001, 3],
      ['开发区营销部', 'KF', 370904110001, 2],
    ] as const) {
      const reports = await importFiles(store, writeDistrict(path.join(dir, prefix), name, prefix, base, count), { now, district: name });
      expect(reports.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    }
    const districts = await listDistricts(store.db);
    // The third district is left unevaluated: it is listed, unranked.
    for (const d of districts.slice(0, 2)) await evaluateStoredMonth(store, MONTH, { now, districtId: d.id });
  }, 300_000);
  afterAll(async () => {
    await store?.close();
  });

  it('compares each district with what its own month says, ranked by mean total', async () => {
    const city = await cityMonth(store, MONTH);
    const districts = await listDistricts(store.db);
    expect(city.districts.map((d) => d.summary.district).sort()).toEqual(districts.map((d) => d.name).sort());
    for (const d of districts) {
      const snapshot = await readMonthSnapshot(store.db, MONTH, d.id);
      const row = city.districts.find((x) => x.summary.district === d.name)?.summary;
      expect(row?.managers).toBe(snapshot?.evaluation.managers.length ?? 0);
      expect(row?.flagTotal).toBe(snapshot?.evaluation.managers.reduce((n, m) => n + m.flags.length, 0) ?? 0);
      expect(Object.values(row?.grades ?? {}).reduce((a, b) => a + b, 0)).toBe(row?.graded);
    }
    const ranked = city.districts.filter((d) => d.summary.rank !== null).map((d) => d.summary.averageTotal ?? 0);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
    expect(city.districts.at(-1)?.summary).toMatchObject({ district: '开发区营销部', status: 'not_evaluated', rank: null });
  });

  it('writes 汇总 and one sheet per district, the tables as computed and three charts; read back', async () => {
    const city = await cityMonth(store, MONTH);
    const out = path.join(dir, '市公司汇总_202610.xlsx');
    const written = await writeCityWorkbook(city, out, { now });
    expect(written.sheets).toBe(4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', ...city.districts.map((d) => d.summary.district)]);
    const summary = wb.getWorksheet('汇总');
    const names = [5, 6, 7].map((r) => summary?.getCell(r, 2).value);
    expect(names).toEqual(city.districts.map((d) => d.summary.district));
    expect(summary?.getImages()).toHaveLength(3);
    const first = city.districts[0];
    const sheet = wb.getWorksheet(first?.summary.district ?? '');
    expect(sheet?.getCell(5, 2).value).toBe(first?.managers[0]?.code);
    expect(wb.getWorksheet('开发区营销部')?.getCell(4, 1).value).toBe('本月尚未考评');
  });

  it('`kaoping city --json` prints the same comparison, and the store is not written', async () => {
    await store.close();
    const before = fs.statSync(dbPath).mtimeMs;
    const run = await runCli(['city', '--db', dbPath, '--month', MONTH, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    store = await openStore(dbPath);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(cityJson(await cityMonth(store, MONTH)))));
    expect(fs.statSync(dbPath).mtimeMs).toBe(before);
  });
});
