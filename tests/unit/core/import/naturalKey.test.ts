import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CellValue } from '../../../../src/core/import/cell';
import { detectHeader } from '../../../../src/core/import/detectHeader';
import type { KindKey } from '../../../../src/shared/kindKeys';
import { makeRowParser } from '../../../../src/core/import/makeRowParser';
import { naturalKey } from '../../../../src/core/import/naturalKey';
import type { KindRecord } from '../../../../src/core/import/records';

/** Parses data rows under a header and returns each row's natural key. */
function keysOf(header: string[], ...data: CellValue[][]): string[] {
  const rows = [header, ...data].map((cells, i) => ({ rowNumber: i + 1, cells }));
  const match = detectHeader(rows);
  if (match === null) throw new Error('no header');
  const parse = makeRowParser(match);
  return rows.slice(1).map((row) => {
    const result = parse(row);
    if (result.status !== 'record') throw new Error(JSON.stringify(result));
    return naturalKey(result.record);
  });
}

function allDistinct(keys: string[]): boolean {
  return new Set(keys).size === keys.length;
}

describe('naturalKey', () => {
  it('covers every kind of the union', () => {
    expectTypeOf<KindRecord['kind']>().toEqualTypeOf<KindKey>();
  });

  it('gives the same key to the same row written differently in next week\'s export', () => {
    const [a, b] = keysOf(
      ['拜访日期', '工号', '许可证号', '工作内容', '发现问题'],
      [new Date('2026-10-08T00:00:00Z'), 'LH001', 370902110012, '走访文化东升便利店', null],
      ['2026/10/8', 'ＬＨ００１', '370902110012', '走访文化东升便利店', '陈列杂乱'],
    );
    expect(a).toBe(b);
  });

  it('tells journal rows apart by date, manager, retailer and content', () => {
    const keys = keysOf(
      ['日期', '工号', '许可证号', '内容'],
      ['2026-10-08', 'LH001', '370902110012', '走访'],
      ['2026-10-09', 'LH001', '370902110012', '走访'],
      ['2026-10-08', 'LH002', '370902110012', '走访'],
      ['2026-10-08', 'LH001', '370902110013', '走访'],
      ['2026-10-08', 'LH001', '370902110012', '电话回访'],
    );
    expect(allDistinct(keys)).toBe(true);
  });

  it('keys attendance by manager and punch time, and absences by day and slot', () => {
    const keys = keysOf(
      ['工号', '考勤日期', '考勤时间', '打卡时间', '打卡结果'],
      ['LH001', '2026-10-08', '上班', '08:06', '正常'],
      ['LH001', '2026-10-08', '外出', '08:06:00', '外勤'],
      ['LH001', '2026-10-09', '上班', null, '未打卡'],
      ['LH001', '2026-10-09', '下班', null, '缺卡'],
      ['LH002', '2026-10-08', '上班', '08:06', '正常'],
    );
    expect(keys[0]).toBe(keys[1]);
    expect(allDistinct(keys.slice(1))).toBe(true);
  });

  it('keys surveys by their id when they have one, else by date and retailer', () => {
    const withId = keysOf(['问卷编号', '调查日期', '许可证号', '是否认识客户经理'], ['MY1', '2026-10-20', '370902110001', '是'], ['MY1', '2026-10-21', '370902110002', '否']);
    expect(withId[0]).toBe(withId[1]);
    const withoutId = keysOf(['调查日期', '许可证号', '是否认识客户经理'], ['2026-10-20', '370902110001', '是'], ['2026-10-20', '370902110002', '是']);
    expect(allDistinct(withoutId)).toBe(true);
  });

  it('keys orders by date, retailer and brand; agreements by month, retailer and brand', () => {
    const orders = keysOf(
      ['订货日期', '许可证号', '卷烟编码', '订购量'],
      ['2026-10-08', '370902110001', '6901028001687', 10],
      ['2026-10-08', '370902110001', '6901028001687', 12],
      ['2026-10-08', '370902110001', '6901028075022', 10],
    );
    expect(orders[0]).toBe(orders[1]);
    expect(orders[0]).not.toBe(orders[2]);
    const agreements = keysOf(['月份', '许可证号', '协议量', '卷烟编码'], ['2026-10', '370902110001', 100, null], ['2026年10月', '370902110001', 120, '6901028001687']);
    expect(agreements[0]).not.toBe(agreements[1]);
  });

  it('keeps a 工号 from colliding with a name, and field boundaries apart', () => {
    const journals: KindRecord[] = [
      { code: 'A', name: null },
      { code: null, name: 'A' },
    ].map(({ code, name }) => ({
      kind: 'journals',
      data: {
        date: '2026-10-08',
        managerCode: code,
        managerName: name,
        licence: null,
        customerCode: null,
        retailerName: null,
        arrivedAt: null,
        leftAt: null,
        method: null,
        content: '内容',
        problems: null,
        actions: null,
        priceMarked: null,
        displayOk: null,
        violation: null,
      },
    }));
    const [byCode, byName] = journals.map(naturalKey);
    expect(byCode).toBeDefined();
    expect(byCode).not.toBe(byName);
    const spot = keysOf(['日期', '工号', '抽查项目', '档位', '回答'], ['2026-10-16', 'LH001', '档位户数', '21-30', 12], ['2026-10-16', 'LH001', '档位户数', '1-10', 30]);
    expect(allDistinct(spot)).toBe(true);
  });

  it('keys reference kinds by their identifier', () => {
    // 手机: a roster is recognised only with a column of its own, never from 工号 and 姓名 alone.
    expect(keysOf(['工号', '姓名', '手机'], ['LH001', '周婷', null], ['LH001', '周婷婷', null])).toEqual(['LH001', 'LH001']);
    const reports = keysOf(['工号', '月份', '内容'], ['LH001', '2026-09', 'a'], ['LH001', '2026-10', 'b'], ['LH001', '2026年10月', 'c']);
    expect(reports[1]).toBe(reports[2]);
    expect(reports[0]).not.toBe(reports[1]);
  });
});
