import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Store } from '../../../../../src/backend/db/openStore';
import { openTestStore } from '../../../../helpers/testStore';
import { importFile } from '../../../../../src/backend/services/import/importFile';
import type { FileImportReport } from '../../../../../src/shared/importReport';
import { writeCsv, type SheetCell } from '../../../../helpers/writeSheets';

/**
 * A tiny district for the "a month reads what held in it" tests: two managers, four retailers,
 * four brands, written as real CSV files and imported through the real importer.
 *   LH001 张伟 serves R1 福顺便利店 and R2 老王烟酒店 (route X01);
 *   LH002 李娜 serves R3 惠民超市 and R4 新星商店 (route X02).
 */
export const R1 = '370902110001';
export const R2 = '370902110002';
export const R3 = '370902110003';
export const R4 = '370902110004';
export const B1 = '6901028001687'; // 中华(硬), key brand
export const B2 = '6901028075022'; // 云烟(紫)
export const B3 = '6901028000001'; // 好猫(长乐), new brand launched 2025-12-01
export const B4 = '6901028000002'; // 黄鹤楼(新), new brand launched 2026-06-01

export const ROSTER: SheetCell[][] = [
  ['工号', '姓名', '营销部', '服务线路', '状态'],
  ['LH001', '张伟', '临河营销部', 'X01', '在岗'],
  ['LH002', '李娜', '临河营销部', 'X02', '在岗'],
];

export const RETAILER_HEADER: SheetCell[] = ['许可证号', '客户名称', '经度', '纬度', '档位', '送货线路', '客户经理工号', '状态'];
export const RETAILERS: SheetCell[][] = [
  RETAILER_HEADER,
  [R1, '福顺便利店', 117.1201, 36.6512, 10, 'X01', 'LH001', '正常'],
  [R2, '老王烟酒店', 117.1302, 36.6603, 10, 'X01', 'LH001', '正常'],
  [R3, '惠民超市', 117.2001, 36.7001, 10, 'X02', 'LH002', '正常'],
  [R4, '新星商店', 117.2102, 36.7102, 10, 'X02', 'LH002', '正常'],
];

/** RETAILERS with some shops changed: by licence, the cells that differ (name, route, manager, status). */
export function retailersWith(changes: Record<string, { name?: string; route?: string; manager?: string; status?: string }>): SheetCell[][] {
  return RETAILERS.map((row, i) => {
    const change = i === 0 ? undefined : changes[String(row[0])];
    if (!change) return row;
    const [licence, name, lon, lat, tier, route, manager, status] = row;
    return [licence, change.name ?? name, lon, lat, tier, change.route ?? route, change.manager ?? manager, change.status ?? status] as SheetCell[];
  });
}

export const BRAND_HEADER: SheetCell[] = ['卷烟编码', '卷烟名称', '批发价(元/条)', '建议零售价', '重点品牌', '新品', '上市日期'];
export const BRANDS: SheetCell[][] = [
  BRAND_HEADER,
  [B1, '中华(硬)', '375.00', '450.00', '是', '否', null],
  [B2, '云烟(紫)', '95.40', '110.00', '否', '否', null],
  [B3, '好猫(长乐)', '60.00', '70.00', '否', '是', '2025-12-01'],
  [B4, '黄鹤楼(新)', '180.00', '210.00', '否', '是', '2026-06-01'],
];

export const ORDER_HEADER: SheetCell[] = ['订单日期', '许可证号', '卷烟编码', '订购量'];
/** October's orders: R1 100 条 and R2 50 条 (LH001), R3 30 条 and R4 20 条 (LH002). */
export const OCTOBER_ORDERS: SheetCell[][] = [
  ORDER_HEADER,
  ['2026-10-12', R1, B1, 100],
  ['2026-10-12', R2, B2, 50],
  ['2026-10-13', R3, B1, 30],
  ['2026-10-14', R4, B2, 20],
];

export interface HistoryDistrict {
  store: Store;
  dir: string;
  /** Writes rows as a CSV named `name` in the district's folder and imports it. */
  load(name: string, rows: SheetCell[][], opts?: { asOfMonth?: string; now?: Date }): Promise<FileImportReport>;
}

export async function openHistoryDistrict(dir: string): Promise<HistoryDistrict> {
  fs.mkdirSync(dir, { recursive: true });
  const store = await openTestStore(path.join(dir, 'kaoping.sqlite'));
  return {
    store,
    dir,
    load: async (name, rows, opts = {}) => {
      const file = writeCsv(path.join(dir, name), rows, 'utf8-bom');
      const report = await importFile(store, file, { now: opts.now ?? new Date('2026-12-05T09:00:00Z'), asOfMonth: opts.asOfMonth });
      expect(report.status, `${name}: ${report.message ?? ''} ${JSON.stringify(report.errors.slice(0, 3))}`).toBe('imported');
      return report;
    },
  };
}
