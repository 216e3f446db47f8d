import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAG_TYPES as ALL_FLAG_TYPES } from '../../../../src/core/measures/dimensions';

/** Flags about data a manager is missing altogether; the demo's exports are complete by design. */
const DATA_GAP_FLAGS = new Set<string>(['area.no_retailers', 'attendance.no_punches', 'records.no_journals']);
const FLAG_TYPES = ALL_FLAG_TYPES.filter((f) => !DATA_GAP_FLAGS.has(f));
import { writeDemoDistrict, type DemoResult } from '../../../../src/backend/demo/writeDemoDistrict';
import {
  cellText,
  distanceKm,
  fileOf,
  isoOf,
  parseCsv,
  readDemoFiles,
  readGb18030Csv,
  readSheet,
  type DemoFiles,
  type Journal,
} from './readDemoFiles';

/** measures.md's near-copy measure, kept local so the test does not trust the code under test. */
function trigramSet(text: string): Set<string> {
  const chars = [...text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '')];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  return grams;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

function comparableLength(text: string): number {
  return [...text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '')].length;
}

function maxPairwise(texts: string[]): number {
  const sets = texts.map(trigramSet);
  let max = 0;
  for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) max = Math.max(max, jaccard(sets[i]!, sets[j]!));
  return max;
}

interface AttendanceStats {
  presentDays: Set<string>;
  offHours: number;
  anomalies: string[];
  outOfArea: number;
  duplicates: number;
  maxSpeedKmh: number;
  top3Share: number;
  /** Mean visits per assigned active retailer, by tier band 21–30 / 11–20 / 1–10. */
  meanVisitsByBand: { high: number; middle: number; low: number };
}

function attendanceStats(files: DemoFiles, managerCode: string, month: string): AttendanceStats {
  const punches = files.punches
    .filter((p) => p.managerCode === managerCode && p.date.startsWith(month) && p.second >= 0)
    .sort((a, b) => a.date.localeCompare(b.date) || a.second - b.second);
  const visits = new Map<string, number>();
  const minuteKeys = new Map<string, number>();
  let maxSpeedKmh = 0;
  punches.forEach((p, i) => {
    if (p.retailer) {
      visits.set(p.retailer.licence, (visits.get(p.retailer.licence) ?? 0) + 1);
      const key = `${p.date}|${p.retailer.licence}|${Math.floor(p.second / 60)}`;
      minuteKeys.set(key, (minuteKeys.get(key) ?? 0) + 1);
    }
    const previous = punches[i - 1];
    if (previous && previous.date === p.date && previous.retailer && p.retailer) {
      const km = distanceKm(previous.retailer, p.retailer);
      const hours = (p.second - previous.second) / 3600;
      maxSpeedKmh = Math.max(maxSpeedKmh, hours > 0 ? km / hours : km > 0 ? Infinity : 0);
    }
  });
  const own = [...files.retailers.values()].filter((r) => r.managerCode === managerCode && r.status === '正常');
  const meanOf = (low: number, high: number): number => {
    const band = own.filter((r) => r.tier >= low && r.tier <= high);
    return band.reduce((sum, r) => sum + (visits.get(r.licence) ?? 0), 0) / Math.max(1, band.length);
  };
  const counts = [...visits.values()].sort((a, b) => b - a);
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    presentDays: new Set(punches.map((p) => p.date)),
    offHours: punches.filter((p) => p.second < 7 * 3600 || p.second > 21 * 3600).length,
    anomalies: punches.map((p) => p.anomaly).filter((a) => a !== ''),
    outOfArea: punches.filter((p) => p.retailer && p.retailer.managerCode !== managerCode).length,
    duplicates: [...minuteKeys.values()].filter((n) => n > 1).length,
    maxSpeedKmh,
    top3Share: total === 0 ? 0 : counts.slice(0, 3).reduce((a, b) => a + b, 0) / total,
    meanVisitsByBand: { high: meanOf(21, 30), middle: meanOf(11, 20), low: meanOf(1, 10) },
  };
}

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function satisfactionOf(files: DemoFiles, managerCode: string, month: string): { score: number; unhappyShare: number; unknown: number } {
  const surveys = files.surveys.filter((s) => s.date.startsWith(month) && files.retailers.get(s.licence)?.managerCode === managerCode);
  const items = surveys.flatMap((s) => s.scores);
  const mean = items.reduce((a, b) => a + b, 0) / items.length;
  return {
    score: ((mean - 1) / 4) * 100,
    unhappyShare: surveys.filter((s) => s.overall === '不满意' || s.overall === '非常不满意').length / surveys.length,
    unknown: surveys.filter((s) => s.knows === '否').length,
  };
}

describe('writeDemoDistrict, default district', () => {
  let dir: string;
  let result: DemoResult;
  let files: DemoFiles;
  let endMonth: string;
  let honestCodes: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kaoping-demo-'));
    result = await writeDemoDistrict({ outDir: dir });
    files = await readDemoFiles(dir);
    endMonth = result.manifest.endMonth;
    honestCodes = result.manifest.managers.filter((m) => m.honest).map((m) => m.code);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one or more files of each of the twelve kinds, and the manifest', async () => {
    const kinds = new Set(result.manifest.files.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(
      ['agreements', 'attendance', 'brands', 'calendar', 'inspections', 'journals', 'orders', 'reports', 'retailers', 'roster', 'spotchecks', 'surveys'],
    );
    const onDisk = await readdir(dir);
    for (const f of result.manifest.files) {
      expect(onDisk).toContain(f.name);
      expect(f.rows).toBeGreaterThan(0);
    }
    expect(JSON.parse(await readFile(result.manifestPath, 'utf8'))).toEqual(result.manifest);
    expect(result.files).toHaveLength(result.manifest.files.length);
  });

  it('writes the roster and a retailer file with a merged title row, 12-digit licences and some stored as numbers', async () => {
    const roster = (await readSheet(join(dir, fileOf(result.manifest, 'roster')))).rows;
    expect(roster[0]).toEqual(['员工编号', '客户经理姓名', '所属部门', '片区', '负责线路', '手机号', '钉钉UserId', '入职日期', '在岗状态']);
    expect(roster.slice(1).map((r) => r[0])).toEqual(result.manifest.managers.map((m) => m.code));
    expect(roster[1]?.[7]).toBeInstanceOf(Date);

    const { rows, merges } = await readSheet(join(dir, fileOf(result.manifest, 'retailers')));
    expect(merges).toContain('A1:O1');
    expect(cellText(rows[0]?.[0])).toMatch(/^临河营销部零售客户档案（\d{4}年\d{1,2}月）$/);
    expect(rows[1]?.every((c) => c === null)).toBe(true);
    expect(rows[2]?.[0]).toBe('专卖许可证号');
    const data = rows.slice(3);
    expect(data).toHaveLength(300);
    expect(data.every((r) => /^\d{12}$/.test(cellText(r[0])))).toBe(true);
    expect(data.every((r) => /^\d{13}$/.test(cellText(r[1])))).toBe(true);
    const numeric = data.filter((r) => typeof r[0] === 'number').length;
    expect(numeric).toBeGreaterThan(0);
    expect(numeric).toBeLessThan(data.length);
    expect(data.every((r) => Number(r[10]) >= 1 && Number(r[10]) <= 30)).toBe(true);

    const routesOf = new Map(roster.slice(1).map((r) => [cellText(r[0]), cellText(r[4]).split('、')]));
    for (const retailer of files.retailers.values()) expect(routesOf.get(retailer.managerCode)).toContain(retailer.route);
  });

  it('writes a GB18030 order file with thousands separators and a totals line, referring to known retailers and brands', async () => {
    const bytes = await readFile(join(dir, fileOf(result.manifest, 'orders')));
    expect(bytes.toString('utf8')).toContain('\uFFFD');
    const rows = parseCsv(iconv.decode(bytes, 'gb18030'));
    expect(rows[0]).toEqual(['订单日期', '许可证号', '卷烟编码', '卷烟名称', '需求量(条)', '订购量（条）', '批发价', '金额', '建议零售价']);
    expect(rows.at(-1)?.[0]).toBe('合计');
    const lines = rows.slice(1, -1);
    expect(lines.length).toBe(result.manifest.files.find((f) => f.kind === 'orders')?.rows);
    expect(lines.some((r) => /^\d{1,3}(,\d{3})+\.\d{2}$/.test(r[7] ?? ''))).toBe(true);
    expect(lines.every((r) => /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(r[0] ?? ''))).toBe(true);

    const brands = parseCsv((await readFile(join(dir, fileOf(result.manifest, 'brands')))).toString('utf8'));
    expect(brands[0]?.[0]?.charCodeAt(0)).toBe(0xfeff);
    const brandCodes = new Set(brands.slice(1).map((r) => r[0]));
    const flags = brands.slice(1).flatMap((r) => [r[6], r[7]]);
    for (const mark of ['是', '否', '√', '×']) expect(flags).toContain(mark);
    const unknownRetailer = lines.filter((l) => !files.retailers.has(l[1] ?? ''));
    const unknownBrand = lines.filter((l) => !brandCodes.has(l[2] ?? ''));
    const demandBelowQuantity = lines.filter((l) => Number(l[4]) < Number(l[5]));
    expect([unknownRetailer.length, unknownBrand.length, demandBelowQuantity.length]).toEqual([0, 0, 0]);
  });

  it('writes a DingTalk 原始记录 sheet with title rows and 26-10-08 星期四 dates, and a GB18030 card log', async () => {
    const { rows, merges } = await readSheet(join(dir, fileOf(result.manifest, 'attendance', '钉钉')));
    expect(merges).toEqual(expect.arrayContaining(['A1:Q1', 'A2:Q2']));
    expect(cellText(rows[0]?.[0])).toMatch(/^原始记录 统计日期：\d{4}-\d{2}-01 至 \d{4}-\d{2}-\d{2}$/);
    expect(cellText(rows[1]?.[0])).toMatch(/^报表生成时间：/);
    expect(rows[2]?.slice(0, 10)).toEqual(['姓名', '考勤组', '部门', '工号', '职位', 'UserId', '考勤日期', '考勤时间', '打卡时间', '打卡结果']);
    const data = rows.slice(3);
    expect(data.every((r) => /^\d{2}-\d{2}-\d{2} 星期[一二三四五六日]$/.test(cellText(r[6])))).toBe(true);
    expect(data.filter((r) => r[9] === '未打卡').every((r) => r[8] === null)).toBe(true);
    expect(data.some((r) => r[9] === '未打卡')).toBe(true);

    const card = await readGb18030Csv(join(dir, fileOf(result.manifest, 'attendance', '电子卡')));
    expect(card[0]).toEqual(['工号', '客户编码', '刷卡时间', '终端号']);
    expect(card.slice(1).every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r[2] ?? ''))).toBe(true);
    expect(files.punches.filter((p) => p.second >= 0).every((p) => p.retailer !== null)).toBe(true);
  });

  it('writes a work calendar with the 国庆 holiday and its 调休 Saturday', async () => {
    const rows = (await readSheet(join(dir, fileOf(result.manifest, 'calendar')))).rows;
    expect(rows[0]).toEqual(['日期', '工作日', '说明']);
    const byDate = new Map(rows.slice(1).map((r) => [isoOf(r[0]), r]));
    expect(byDate.get('2026-10-10')).toEqual([expect.any(Date), '是', '调休上班']);
    expect(byDate.get('2026-10-05')?.slice(1)).toEqual(['否', '国庆节']);
    expect([...files.workdays].filter((d) => d.startsWith('2026-10'))).toHaveLength(18);
  });

  it('writes journals with Excel date cells, reports, surveys, agreements, inspections and spot checks that refer to the roster and retailers', async () => {
    const codes = new Set(result.manifest.managers.map((m) => m.code));
    expect(files.journals.length).toBeGreaterThan(1000);
    expect(files.journals.every((j) => codes.has(j.managerCode) && files.retailers.has(j.licence))).toBe(true);
    expect(files.reports.every((r) => codes.has(r.managerCode) && /^\d{4}-\d{2}$/.test(r.month))).toBe(true);
    expect(files.surveys.every((s) => files.retailers.has(s.licence) && /^MY\d{8}$/.test(s.id))).toBe(true);
    expect(files.inspections.every((i) => files.retailers.has(i.licence))).toBe(true);

    const agreements = (await readSheet(join(dir, fileOf(result.manifest, 'agreements')))).rows;
    expect(cellText(agreements[0]?.[0])).toContain('协议量');
    expect(agreements[1]).toEqual(['协议月份', '许可证号', '协议量']);
    expect(agreements.at(-1)?.[0]).toBe('合计');

    const spot = (await readSheet(join(dir, fileOf(result.manifest, 'spotchecks')))).rows;
    expect(spot[0]).toEqual(['抽查日期', '工号', '抽查项目', '线路', '回答值']);
    const honestCountAnswers = spot.slice(1).filter((r) => r[2] === '辖区零售户数' && honestCodes.includes(cellText(r[1])));
    for (const row of honestCountAnswers) {
      const truth = [...files.retailers.values()].filter((r) => r.managerCode === row[1] && r.status === '正常').length;
      expect(Math.abs(Number(row[4]) - truth)).toBeLessThanOrEqual(1);
    }
  });

  it('plants at least one problem of every flag type, only at dishonest managers, at least half of the managers honest', () => {
    const flags = new Set(result.manifest.planted.map((p) => p.flag));
    for (const flag of FLAG_TYPES) expect(flags, flag).toContain(flag);
    expect(result.manifest.planted.every((p) => !honestCodes.includes(p.managerCode))).toBe(true);
    expect(honestCodes.length * 2).toBeGreaterThanOrEqual(result.manifest.managers.length);
  });

  it('keeps honest managers honest in both months: in the market every workday, in hours, at their own shops, at driving speeds, spread out', () => {
    for (const month of [previousMonth(endMonth), endMonth]) {
      const workdays = [...files.workdays].filter((d) => d.startsWith(month));
      for (const code of honestCodes) {
        const stats = attendanceStats(files, code, month);
        expect([...stats.presentDays].sort(), `${code} ${month}`).toEqual(workdays.sort());
        expect(stats.offHours).toBe(0);
        expect(stats.anomalies).toEqual([]);
        expect(stats.outOfArea).toBe(0);
        expect(stats.duplicates).toBe(0);
        expect(stats.maxSpeedKmh).toBeLessThan(30);
        expect(stats.top3Share).toBeLessThan(0.3);
        expect(stats.meanVisitsByBand.high).toBeGreaterThan(stats.meanVisitsByBand.middle);
        expect(stats.meanVisitsByBand.middle).toBeGreaterThan(stats.meanVisitsByBand.low);
        expect(stats.meanVisitsByBand.low).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('keeps honest managers honest on paper: reports on time and fresh, surveys content, journal entries long', () => {
    const dueBy = `${endMonth.slice(0, 4)}-${String(Number(endMonth.slice(5, 7)) + 1).padStart(2, '0')}-05`;
    for (const code of honestCodes) {
      const report = files.reports.find((r) => r.managerCode === code && r.month === endMonth);
      const before = files.reports.find((r) => r.managerCode === code && r.month === previousMonth(endMonth));
      expect(report, code).toBeDefined();
      expect(report!.submittedOn <= dueBy || endMonth.endsWith('12')).toBe(true);
      expect(jaccard(trigramSet(report!.body), trigramSet(before!.body))).toBeLessThan(0.5);
      const satisfaction = satisfactionOf(files, code, endMonth);
      expect(satisfaction.unknown).toBe(0);
      expect(satisfaction.unhappyShare).toBe(0);
      expect(satisfaction.score).toBeGreaterThan(60);
      const entries = files.journals.filter((j) => j.managerCode === code);
      expect(entries.every((j) => comparableLength(j.content) >= 20)).toBe(true);
    }
  });

  it('writes honest journal entries that are far from near-copies of each other (3-gram Jaccard < 0.5)', () => {
    const honestEntries = files.journals.filter((j) => honestCodes.includes(j.managerCode));
    // Within one manager's month: where a lazy writer would repeat himself.
    for (const code of honestCodes) {
      const own = honestEntries.filter((j) => j.managerCode === code && j.date.startsWith(endMonth)).map((j) => j.content);
      expect(maxPairwise(own), code).toBeLessThan(0.5);
    }
    // Across managers and months: an evenly spaced sample.
    const step = Math.max(1, Math.floor(honestEntries.length / 400));
    const sample = honestEntries.filter((_, i) => i % step === 0).map((j) => j.content);
    expect(maxPairwise(sample)).toBeLessThan(0.5);
  });

  it('realises every planted attendance problem in the DingTalk and card records', () => {
    for (const p of result.manifest.planted) {
      const stats = attendanceStats(files, p.managerCode, endMonth);
      switch (p.flag) {
        case 'attendance.absent':
          expect(files.workdays.has(p.date!)).toBe(true);
          expect(stats.presentDays.has(p.date!), p.detail).toBe(false);
          break;
        case 'attendance.concentration':
          expect(stats.top3Share).toBeGreaterThan(0.3);
          break;
        case 'attendance.out_of_area':
          expect(stats.outOfArea).toBeGreaterThan(0);
          break;
        case 'attendance.impossible_travel':
          expect(stats.maxSpeedKmh).toBeGreaterThan(80);
          break;
        case 'attendance.off_hours':
          expect(stats.offHours).toBeGreaterThan(0);
          break;
        case 'attendance.duplicate':
          expect(stats.duplicates).toBeGreaterThan(0);
          break;
        case 'attendance.mock_location':
          expect(stats.anomalies).toContain('模拟定位');
          break;
        default:
          break;
      }
    }
  });

  it('realises the planted record problems: copies ≥ 0.85, short entries, a missing and a copied report', () => {
    const entriesOf = (code: string, date: string): Journal[] => files.journals.filter((j) => j.managerCode === code && j.date === date);
    for (const p of result.manifest.planted) {
      if (p.flag === 'records.self_copy' || p.flag === 'records.cross_copy') {
        const copies = entriesOf(p.managerCode, p.date!);
        const sources = entriesOf(p.source!.managerCode, p.source!.date!);
        const best = Math.max(...copies.flatMap((c) => sources.map((s) => jaccard(trigramSet(c.content), trigramSet(s.content)))));
        expect(best, p.detail).toBeGreaterThanOrEqual(0.85);
        expect(copies.some((c) => sources.some((s) => s.content === c.content)), 'a copy is lightly edited, not identical').toBe(false);
        if (p.flag === 'records.cross_copy') expect(p.source!.date! < p.date!).toBe(true);
        else expect(p.source!.date).not.toBe(p.date);
      }
      if (p.flag === 'records.short_entries') {
        const short = files.journals.filter((j) => j.managerCode === p.managerCode && j.date.startsWith(endMonth) && comparableLength(j.content) < 20);
        expect(short.length).toBeGreaterThan(0);
      }
      if (p.flag === 'records.report_missing') {
        expect(files.reports.some((r) => r.managerCode === p.managerCode && r.month === endMonth)).toBe(false);
      }
      if (p.flag === 'records.report_copy') {
        const now = files.reports.find((r) => r.managerCode === p.managerCode && r.month === endMonth);
        const before = files.reports.find((r) => r.managerCode === p.managerCode && r.month === p.source!.period);
        expect(jaccard(trigramSet(now!.body), trigramSet(before!.body))).toBeGreaterThanOrEqual(0.85);
      }
    }
  });

  it('realises order.missed and also inspections that confirm violations reported in journals beforehand', () => {
    const found = files.inspections.filter((i) => i.date.startsWith(endMonth) && i.violation !== '无');
    const reportedBefore = (licence: string, date: string, managerCode: string): boolean =>
      files.journals.some((j) => {
        const days = (Date.parse(date) - Date.parse(j.date)) / 86_400_000;
        return j.managerCode === managerCode && j.licence === licence && j.violation !== '无' && days >= 0 && days <= 30;
      });
    const missed = found.filter((i) => !reportedBefore(i.licence, i.date, files.retailers.get(i.licence)!.managerCode));
    const confirmed = found.filter((i) => reportedBefore(i.licence, i.date, files.retailers.get(i.licence)!.managerCode));
    const plantedMissed = result.manifest.planted.filter((p) => p.flag === 'order.missed');
    expect(missed.map((i) => files.retailers.get(i.licence)!.managerCode).sort()).toEqual(plantedMissed.map((p) => p.managerCode).sort());
    expect(confirmed.length).toBeGreaterThan(0);
    expect(confirmed.every((i) => honestCodes.includes(files.retailers.get(i.licence)!.managerCode))).toBe(true);
  });

  it('realises the planted evaluation problems in the surveys', () => {
    for (const p of result.manifest.planted) {
      if (!p.flag.startsWith('evaluation.')) continue;
      const satisfaction = satisfactionOf(files, p.managerCode, endMonth);
      if (p.flag === 'evaluation.unknown_manager') expect(satisfaction.unknown).toBeGreaterThan(0);
      if (p.flag === 'evaluation.low_satisfaction') expect(satisfaction.score).toBeLessThan(60);
      if (p.flag === 'evaluation.veto') expect(satisfaction.unknown > 0 || satisfaction.unhappyShare >= 0.5).toBe(true);
    }
  });
});

describe('writeDemoDistrict, determinism and options', () => {
  const small = { managers: 4, retailers: 70, months: 3 };
  const dirs: string[] = [];
  const generate = async (options: Partial<Parameters<typeof writeDemoDistrict>[0]>): Promise<DemoResult> => {
    const outDir = await mkdtemp(join(tmpdir(), 'kaoping-demo-small-'));
    dirs.push(outDir);
    return writeDemoDistrict({ outDir, ...small, ...options });
  };

  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('gives byte-identical CSVs and identical cell values for the same seed, and different data for another seed', async () => {
    const first = await generate({ seed: 7 });
    const again = await generate({ seed: 7 });
    const other = await generate({ seed: 8 });
    expect(first.manifest).toEqual(again.manifest);
    for (const [i, path] of first.files.entries()) {
      const twin = again.files[i]!;
      if (path.endsWith('.csv')) expect((await readFile(twin)).equals(await readFile(path)), path).toBe(true);
      else expect(JSON.stringify((await readSheet(twin)).rows), path).toBe(JSON.stringify((await readSheet(path)).rows));
    }
    const ordersOf = (r: DemoResult): string => r.files.find((f) => f.includes('订单明细'))!;
    expect((await readFile(ordersOf(other))).equals(await readFile(ordersOf(first)))).toBe(false);
    expect(other.manifest.managers.map((m) => m.name)).not.toEqual(first.manifest.managers.map((m) => m.name));
  });

  it('writes orders as a workbook with date cells on request, and pads attendance and journals to a target', async () => {
    const result = await generate({ ordersFormat: 'xlsx', attendanceRowsTarget: 3000, journalsTarget: 2500 });
    const orders = result.files.find((f) => f.endsWith('.xlsx') && f.includes('订单明细'))!;
    const rows = (await readSheet(orders)).rows;
    expect(rows[1]?.[0]).toBeInstanceOf(Date);
    expect(rows.at(-1)?.[0]).toBe('合计');
    const rowsOf = (kind: string, start: string): number =>
      result.manifest.files.find((f) => f.kind === kind && f.name.startsWith(start))!.rows;
    expect(rowsOf('attendance', '钉钉')).toBeGreaterThan(3000 * 0.9);
    expect(rowsOf('journals', '工作日志')).toBeGreaterThan(2500 * 0.9);
    expect(new Set(result.manifest.planted.map((p) => p.flag)).size).toBe(FLAG_TYPES.length);
  });
});
