import { describe, expect, it } from 'vitest';
import type { CellValue, RawRow } from '../../../../src/core/import/cell';
import { detectHeader, rankKinds } from '../../../../src/core/import/detectHeader';
import type { KindKey } from '../../../../src/shared/kindKeys';
import {
  AGREEMENTS_XLSX,
  BRANDS_CSV,
  CALENDAR_XLSX,
  DINGTALK_XLSX,
  ECARD_CSV,
  INSPECTIONS_XLSX,
  JOURNALS_XLSX,
  ORDERS_CSV,
  REPORTS_XLSX,
  RETAILERS_XLSX,
  ROSTER_XLSX,
  SPOTCHECKS_XLSX,
  SURVEYS_XLSX,
} from './sampleRows';

function rows(...cells: CellValue[][]): RawRow[] {
  return cells.map((c, i) => ({ rowNumber: i + 1, cells: c }));
}

function fieldOf(match: ReturnType<typeof detectHeader>, header: string): string | null | undefined {
  return match?.columns.find((c) => c.header === header)?.field;
}

describe('detectHeader on the sample exports', () => {
  it.each<[string, RawRow[], KindKey, number]>([
    ['客户经理花名册.xlsx', ROSTER_XLSX, 'roster', 1],
    ['零售客户档案.xlsx', RETAILERS_XLSX, 'retailers', 3],
    ['品规目录.csv', BRANDS_CSV, 'brands', 1],
    ['工作日历_202610.xlsx', CALENDAR_XLSX, 'calendar', 1],
    ['工作日志_202610.xlsx', JOURNALS_XLSX, 'journals', 1],
    ['钉钉考勤_原始记录_202610.xlsx', DINGTALK_XLSX, 'attendance', 3],
    ['电子卡拜访记录_202610.csv', ECARD_CSV, 'attendance', 1],
    ['月度市场分析报告.xlsx', REPORTS_XLSX, 'reports', 1],
    ['零售客户满意度调查_202610.xlsx', SURVEYS_XLSX, 'surveys', 1],
    ['订单明细_2025-10_2026-10.csv', ORDERS_CSV, 'orders', 1],
    ['协议量_2026-10.xlsx', AGREEMENTS_XLSX, 'agreements', 1],
    ['专卖检查记录_202610.xlsx', INSPECTIONS_XLSX, 'inspections', 1],
    ['市场了解抽查_202610.xlsx', SPOTCHECKS_XLSX, 'spotchecks', 1],
  ])('%s is %s with its header on row %d', (_file, sample, kind, headerRow) => {
    const match = detectHeader(sample);
    expect(match?.kind).toBe(kind);
    expect(match?.headerRowNumber).toBe(headerRow);
    expect(match?.missingRequired).toEqual([]);
    expect(match?.confidence).toBeGreaterThanOrEqual(0.8);
    expect(match?.unclear).toBeNull();
    expect(rankKinds(sample)[0]?.kind).toBe(kind);
  });

  it('maps the DingTalk raw record under its title rows, keeping unknown columns aside', () => {
    const match = detectHeader(DINGTALK_XLSX);
    expect(match?.headers[0]).toBe('姓名');
    expect(Object.fromEntries(match?.mapped.map((m) => [m.header, m.field]) ?? [])).toEqual({
      姓名: 'managerName',
      工号: 'managerCode',
      UserId: 'managerUserId',
      考勤日期: 'date',
      考勤时间: 'kind',
      打卡时间: 'at',
      打卡结果: 'result',
      打卡地址: 'address',
      打卡备注: 'visited',
      异常打卡原因: 'anomaly',
      打卡设备: 'device',
    });
    expect(match?.unmapped.map((u) => u.header)).toEqual(['考勤组', '部门', '职位', '打卡图片1']);
    expect(match?.unmapped.map((u) => u.index)).toEqual([1, 2, 4, 13]);
  });

  it('maps GB18030 CSV headers with units in either kind of bracket', () => {
    const match = detectHeader(ORDERS_CSV);
    expect(fieldOf(match, '需求量(条)')).toBe('demand');
    expect(fieldOf(match, '订购量（条）')).toBe('quantity');
    expect(fieldOf(match, '零售指导价')).toBe('retailPrice');
    expect(fieldOf(detectHeader(BRANDS_CSV), '批发价(元/条)')).toBe('wholesalePrice');
  });

  it('repairs a garbled roster header and says so', () => {
    const match = detectHeader(ROSTER_XLSX);
    expect(match?.repairedText).toBe(true);
    expect(match?.columns.map((c) => c.header)).toContain('客户经理姓名');
    expect(match?.headers[0]).toBe(ROSTER_XLSX[0]?.cells[0]);
    expect(match?.warnings.some((w) => w.includes('乱码'))).toBe(true);
    expect(detectHeader(JOURNALS_XLSX)?.repairedText).toBe(false);
  });

  it('separates the electronic-card customer code from a licence', () => {
    const match = detectHeader(ECARD_CSV);
    expect(fieldOf(match, '客户编码')).toBe('customerCode');
    expect(fieldOf(match, '刷卡时间')).toBe('at');
    expect(fieldOf(match, '工号')).toBe('managerCode');
  });
});

describe('detectHeader: telling kinds apart', () => {
  it('reads 工号+姓名+线路 as a roster and 日期+工号+内容 as journals', () => {
    expect(detectHeader(rows(['工号', '姓名', '线路']))?.kind).toBe('roster');
    expect(detectHeader(rows(['日期', '工号', '姓名', '内容']))?.kind).toBe('journals');
    expect(detectHeader(rows(['日期', '是否工作日']))?.kind).toBe('calendar');
    expect(detectHeader(rows(['日期', '许可证号', '检查结果']))?.kind).toBe('inspections');
    expect(detectHeader(rows(['月份', '客户编码', '协议量']))?.kind).toBe('agreements');
  });

  it('still recognises a file that lacks one required column, and names what is missing', () => {
    const match = detectHeader(rows(['拜访日期', '客户经理工号', '客户经理', '许可证号', '客户名称', '到店时间', '离店时间', '拜访方式', '明码标价', '陈列规范']));
    expect(match?.kind).toBe('journals');
    expect(match?.missingRequired).toEqual(['content']);
    expect(match?.missingRequiredLabelsZh).toEqual(['日志内容']);
    expect(match?.confidence).toBeLessThan(0.8);
  });

  it('lists an unsatisfied one-of group by its members', () => {
    const match = detectHeader(rows(['订货日期', '卷烟编码', '订购量']), { kind: 'orders' });
    expect(match?.missingRequired).toEqual(['licence|customerCode']);
    expect(match?.missingRequiredLabelsZh).toEqual(['许可证号/客户编码（至少一项）']);
  });

  it('skips title rows, merged title cells and blank rows above the header', () => {
    const title = '临河营销部零售客户档案（2026年10月）';
    const sheet = rows(
      [title, title, title, title],
      ['报表生成时间：2026-11-02 09:15'],
      [],
      [null, '  ', null],
      ['许可证号', '客户名称', '档位', '送货线路'],
      ['370902110001', '中山百信烟酒店', 29, 'LH-01'],
    );
    const match = detectHeader(sheet);
    expect(match?.kind).toBe('retailers');
    expect(match?.headerRowNumber).toBe(5);
  });

  it('returns null when nothing looks like a header', () => {
    expect(detectHeader(rows(['原始记录'], ['甲', '乙', '丙'], [1, 2, 3]))).toBeNull();
    expect(detectHeader([])).toBeNull();
    expect(rankKinds(rows(['甲', '乙']))).toEqual([]);
  });

  it('ranks candidates best first with completeness and scores', () => {
    const ranked = rankKinds(DINGTALK_XLSX);
    expect(ranked[0]).toMatchObject({ kind: 'attendance', labelZh: '考勤打卡', headerRowNumber: 3, complete: true });
    expect(ranked.map((c) => c.kind)).toContain('roster');
    for (let i = 1; i < ranked.length; i++) expect((ranked[i - 1]?.score ?? 0) >= (ranked[i]?.score ?? 0)).toBe(true);
  });
});

describe('detectHeader: options', () => {
  it('uses a forced kind even when another scores higher', () => {
    const match = detectHeader(DINGTALK_XLSX, { kind: 'roster' });
    expect(match?.kind).toBe('roster');
    expect(match?.headerRowNumber).toBe(3);
    expect(fieldOf(match, '工号')).toBe('code');
    expect(fieldOf(match, 'UserId')).toBe('dingtalkId');
    expect(detectHeader(rows(['甲', '乙']), { kind: 'roster' })).toBeNull();
  });

  it('lets a manual mapping override and extend the automatic one', () => {
    const sheet = rows(['日期', '工号', '备注一', '备注二', '打卡时刻']);
    const auto = detectHeader(sheet, { kind: 'attendance' });
    expect(auto?.missingRequired).toEqual(['at']);
    const manual = detectHeader(sheet, { kind: 'attendance', manualMapping: { at: 4, visited: 3, date: -1 } });
    expect(manual?.missingRequired).toEqual([]);
    expect(manual?.mapped).toEqual([
      { field: 'managerCode', index: 1, header: '工号' },
      { field: 'visited', index: 3, header: '备注二' },
      { field: 'at', index: 4, header: '打卡时刻' },
    ]);
    expect(manual?.unmapped.map((u) => u.header)).toEqual(['日期', '备注一']);
  });

  it('moves a field to the column the user chose', () => {
    const match = detectHeader(rows(['日期', '工号', '内容', '心得']), { kind: 'journals', manualMapping: { content: 3 } });
    expect(fieldOf(match, '内容')).toBeNull();
    expect(fieldOf(match, '心得')).toBe('content');
  });

  it('accepts a header nobody recognises when the user gives its row and mapping', () => {
    const sheet = rows(['Staff', 'Who', 'When', 'Note'], ['LH001', '周婷', '2026-10-08', '好']);
    expect(detectHeader(sheet)).toBeNull();
    const match = detectHeader(sheet, { kind: 'journals', manualMapping: { managerCode: 0, date: 2, content: 3 } });
    expect(match?.headerRowNumber).toBe(1);
    expect(match?.missingRequired).toEqual([]);
    const byRow = detectHeader(rows(['说明'], ['A', 'B']), { kind: 'calendar', headerRowNumber: 2, manualMapping: { date: 0, workday: 1 } });
    expect(byRow?.headerRowNumber).toBe(2);
  });

  it('ignores manual entries that are not fields of the kind, __proto__ included, and says so', () => {
    const mapping: Record<string, number> = JSON.parse('{"__proto__": 0, "constructor": 1, "content": 2}');
    const match = detectHeader(rows(['日期', '工号', '内容']), { kind: 'journals', manualMapping: mapping });
    expect(match?.mapped.map((m) => m.field)).toEqual(['date', 'managerCode', 'content']);
    expect(match?.warnings.filter((w) => w.includes('已忽略'))).toHaveLength(2);
  });

  it('keeps the first of two columns naming the same field and lists the other as unmapped', () => {
    const match = detectHeader(rows(['打卡日期', '姓名', '打卡时间', '拜访对象', '备注']));
    expect(match?.kind).toBe('attendance');
    expect(fieldOf(match, '拜访对象')).toBe('visited');
    expect(fieldOf(match, '备注')).toBeNull();
    expect(match?.unmapped).toEqual([{ index: 4, header: '备注' }]);
    expect(match?.warnings.some((w) => w.includes('「备注」') && w.includes('「拜访对象」'))).toBe(true);
  });

  it('treats __proto__ and constructor headers as unmapped names', () => {
    const match = detectHeader(rows(['__proto__', '日期', 'constructor', '是否工作日', 'toString']));
    expect(match?.kind).toBe('calendar');
    expect(match?.unmapped.map((u) => u.header)).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it('warns about a volume unit it cannot convert', () => {
    const match = detectHeader(rows(['日期', '许可证号', '卷烟编码', '订购量(吨)']));
    expect(match?.warnings.some((w) => w.includes('吨'))).toBe(true);
  });
});
