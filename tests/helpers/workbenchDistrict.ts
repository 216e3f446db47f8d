import path from 'node:path';
import type { Store } from '../../src/backend/db/openStore';
import { openTestStore } from './testStore';
import { importFiles } from '../../src/backend/services/import/importFiles';
import { writeCsv, writeXlsx } from './writeSheets';

/** What the district's files hold, so tests compute expectations without reading the database. */
export interface DistrictFacts {
  managers: { code: string; name: string }[];
  retailers: { licence: string; name: string; managerCode: string }[];
  brands: { code: string; name: string }[];
  /** In file order: the n-th order has id n (a fresh table numbers rows as they are inserted). */
  orders: { id: number; date: string; licence: string; brandCode: string; brandName: string; quantity: number; price: number; amount: number; retailerName: string | null }[];
  journals: { id: number; date: string; managerCode: string; licence: string; content: string }[];
  punches: { id: number; date: string; time: string; managerCode: string; licence: string | null }[];
  surveys: { id: number; date: string; licence: string }[];
}

/** A tiny deterministic generator (tests must not depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Writes a small consistent district as real files (xlsx and UTF-8 CSV) and imports it into a
 * fresh database: three managers, four retailers (one whose name holds LIKE's % and _), three
 * brands, orders over 2026-09/10 (some for an unknown licence), journals, punches and surveys.
 */
export async function buildWorkbenchDistrict(dir: string): Promise<{ store: Store; facts: DistrictFacts; files: string[] }> {
  const rnd = lcg(42);
  const managers = [
    { code: 'LH001', name: '张伟' },
    { code: 'LH002', name: '李娜' },
    { code: 'LH003', name: '王芳' },
  ];
  const retailers = [
    { licence: '370902110001', name: '福顺便利店', managerCode: 'LH001' },
    { licence: '370902110002', name: '老王烟酒店', managerCode: 'LH001' },
    { licence: '370902110003', name: '惠民超市', managerCode: 'LH002' },
    { licence: '370902110004', name: '百分%_商店', managerCode: 'LH003' },
  ];
  const brands = [
    { code: '6901028001687', name: '中华(硬)', price: 375 },
    { code: '6901028075022', name: '云烟(紫)', price: 95.4 },
    { code: '6901028273688', name: '七匹狼(红)', price: 101.8 },
  ];
  const unknownLicence = '370902119999';
  const facts: DistrictFacts = { managers, retailers, brands, orders: [], journals: [], punches: [], surveys: [] };

  const files: string[] = [];
  files.push(
    await writeXlsx(path.join(dir, '客户经理花名册.xlsx'), [
      // 在岗状态: a roster is recognised by a column of its own, never by 工号/姓名/营销部 alone.
      ['工号', '姓名', '营销部', '在岗状态'],
      ...managers.map((m) => [m.code, m.name, '临河营销部', '在岗']),
    ]),
  );
  files.push(
    await writeXlsx(path.join(dir, '零售客户档案.xlsx'), [
      ['许可证号', '客户名称', '档位', '客户经理工号', '状态'],
      ...retailers.map((r, i) => [r.licence, r.name, 10 + i, r.managerCode, '正常']),
    ]),
  );
  files.push(
    writeCsv(path.join(dir, '品规目录.csv'), [
      // 品牌: a brand list is recognised by a column of its own, never by 卷烟编码/卷烟名称/批发价 alone.
      ['卷烟编码', '卷烟名称', '品牌', '批发价'],
      ...brands.map((b) => [b.code, b.name, b.name.replace(/\(.*$/, ''), String(b.price)]),
    ]),
  );

  const orderRows: string[][] = [['订单日期', '许可证号', '卷烟编码', '卷烟名称', '订购量', '批发价', '金额']];
  for (const month of ['2026-09', '2026-10']) {
    for (let day = 1; day <= 28; day += 3) {
      for (const licence of [...retailers.map((r) => r.licence), unknownLicence]) {
        for (const brand of brands) {
          if (rnd() < 0.35) continue;
          const quantity = 1 + Math.floor(rnd() * 30);
          const amount = Math.round(quantity * brand.price * 100) / 100;
          const date = `${month}-${pad(day)}`;
          facts.orders.push({
            id: facts.orders.length + 1,
            date,
            licence,
            brandCode: brand.code,
            brandName: brand.name,
            quantity,
            price: brand.price,
            amount,
            retailerName: retailers.find((r) => r.licence === licence)?.name ?? null,
          });
          orderRows.push([date, licence, brand.code, brand.name, String(quantity), String(brand.price), String(amount)]);
        }
      }
    }
  }
  files.push(writeCsv(path.join(dir, '订单明细_202609-202610.csv'), orderRows));

  const journalRows: string[][] = [['日期', '工号', '许可证号', '拜访方式', '日志内容', '发现问题']];
  const punchRows: (string | number)[][] = [['工号', '打卡时间', '打卡类型', '地点', '许可证号']];
  for (const month of ['2026-09', '2026-10']) {
    for (let day = 1; day <= 28; day += 2) {
      for (const [mi, m] of managers.entries()) {
        const own = retailers.filter((r) => r.managerCode === m.code);
        const r = own[day % own.length];
        if (!r) continue;
        const date = `${month}-${pad(day)}`;
        const content = `${date} 走访${r.name}，检查陈列和价签，第${mi + 1}组记录`;
        facts.journals.push({ id: facts.journals.length + 1, date, managerCode: m.code, licence: r.licence, content });
        journalRows.push([date, m.code, r.licence, '走访', content, day % 5 === 0 ? '价签缺失' : '']);
        const time = `${pad(8 + mi)}:${pad((day * 7) % 60)}:00`;
        const licence = day % 4 === 0 ? null : r.licence;
        facts.punches.push({ id: facts.punches.length + 1, date, time, managerCode: m.code, licence });
        punchRows.push([m.code, `${date} ${time}`, '外出打卡', `临河区${r.name}`, licence ?? '']);
      }
    }
  }
  files.push(writeCsv(path.join(dir, '工作日志_202609-202610.csv'), journalRows));
  files.push(writeCsv(path.join(dir, '外勤签到_202609-202610.csv'), punchRows.map((r) => r.map(String))));

  const surveyRows: string[][] = [['调查日期', '许可证号', '是否认识客户经理', '总体满意度']];
  for (const [i, r] of retailers.entries()) {
    const date = `2026-10-${pad(10 + i)}`;
    facts.surveys.push({ id: facts.surveys.length + 1, date, licence: r.licence });
    surveyRows.push([date, r.licence, i % 2 === 0 ? '是' : '否', '满意']);
  }
  files.push(writeCsv(path.join(dir, '满意度调查_202610.csv'), surveyRows));

  const store = await openTestStore(path.join(dir, 'workbench.sqlite'));
  const reports = await importFiles(store, files, { now: new Date('2026-11-02T08:00:00Z'), asOfMonth: '2026-09' });
  const refused = reports.filter((r) => r.status !== 'imported');
  if (refused.length > 0) throw new Error(`fixture import failed: ${refused.map((r) => `${r.file}: ${r.message}`).join('; ')}`);
  return { store, facts, files };
}
