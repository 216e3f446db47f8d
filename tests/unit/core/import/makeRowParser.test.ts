import { describe, expect, it } from 'vitest';
import type { CellValue, RawRow } from '../../../../src/core/import/cell';
import { detectHeader, type DetectHeaderOptions, type HeaderMatch } from '../../../../src/core/import/detectHeader';
import { makeRowParser, type RowParseResult } from '../../../../src/core/import/makeRowParser';
import type { KindRecord } from '../../../../src/core/import/records';
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

function matchOf(sample: RawRow[], options?: DetectHeaderOptions): HeaderMatch {
  const match = detectHeader(sample, options);
  if (match === null) throw new Error('no header found');
  return match;
}

/** Parses the sample's row with this row number. */
function parseRow(sample: RawRow[], rowNumber: number, options?: { date1904?: boolean }): RowParseResult {
  const row = sample.find((r) => r.rowNumber === rowNumber);
  if (row === undefined) throw new Error(`no row ${rowNumber}`);
  return makeRowParser(matchOf(sample), options)(row);
}

function recordOf(result: RowParseResult): KindRecord {
  if (result.status !== 'record') throw new Error(`expected a record, got ${JSON.stringify(result)}`);
  return result.record;
}

/** A header row followed by data rows, numbered from 1. */
function sheet(header: string[], ...data: CellValue[][]): { parse: (i: number) => RowParseResult; match: HeaderMatch } {
  const all = [header, ...data].map((cells, i) => ({ rowNumber: i + 1, cells }));
  const match = matchOf(all);
  const parser = makeRowParser(match);
  return { match, parse: (i) => parser(all[i] ?? { rowNumber: -1, cells: [] }) };
}

describe('makeRowParser on the sample exports', () => {
  it('reads a roster row, repairing garbled text, splitting routes, keeping the phone a string', () => {
    expect(recordOf(parseRow(ROSTER_XLSX, 2))).toEqual({
      kind: 'roster',
      data: {
        code: 'LH001',
        name: '周婷',
        department: '临河营销部',
        area: '城区片',
        routes: ['LH-01', 'LH-02'],
        phone: '13961817733',
        dingtalkId: 'dt_lh1',
        hiredOn: '2010-01-15',
        status: '在岗',
        leftOn: null,
      },
    });
  });

  it('reads a retailer whose licence Excel stored as a number', () => {
    expect(recordOf(parseRow(RETAILERS_XLSX, 4))).toEqual({
      kind: 'retailers',
      data: {
        licence: '370902110001',
        customerCode: '3709020010002',
        name: '中山百信烟酒店',
        owner: '章志珍',
        phone: null,
        address: '临河县胜利路7号',
        longitude: 117.089766,
        latitude: 36.635932,
        format: '烟酒商店',
        market: '乡村',
        tier: 29,
        route: 'LH-01',
        managerCode: 'LH001',
        managerName: '周婷',
        status: '正常',
        assignedFrom: null,
      },
    });
  });

  it('reads a brand row with 是 and × flags and a text price', () => {
    expect(recordOf(parseRow(BRANDS_CSV, 2))).toEqual({
      kind: 'brands',
      data: {
        code: '6901028001687',
        name: '中华(硬)',
        brand: '中华',
        priceClass: '一类',
        wholesalePrice: 375,
        retailPrice: 450,
        keyBrand: true,
        newBrand: false,
        launchedOn: '2010-01-01',
      },
    });
  });

  it('reads calendar, agreement, inspection and spot-check rows', () => {
    expect(recordOf(parseRow(CALENDAR_XLSX, 2)).data).toEqual({ date: '2026-10-01', workday: false, note: '国庆节' });
    expect(recordOf(parseRow(AGREEMENTS_XLSX, 2)).data).toEqual({
      month: '2026-10',
      licence: '370902110001',
      customerCode: null,
      agreed: 237,
      brandCode: null,
    });
    expect(recordOf(parseRow(INSPECTIONS_XLSX, 3)).data).toEqual({
      date: '2026-10-22',
      licence: '370902110440',
      customerCode: null,
      violation: '私烟/非法渠道',
      inspector: '孙明',
      notes: '立案查处',
    });
    expect(recordOf(parseRow(SPOTCHECKS_XLSX, 2)).data).toEqual({
      date: '2026-10-16',
      managerCode: 'LH001',
      managerName: null,
      item: 'retailer_count',
      subject: null,
      answer: 60,
    });
  });

  it('reads a journal row with text times and Y/N flags', () => {
    const data = recordOf(parseRow(JOURNALS_XLSX, 2)).data;
    expect(data).toMatchObject({
      date: '2026-10-08',
      managerCode: 'LH001',
      managerName: '周婷',
      licence: '370902110012',
      retailerName: '文化东升便利店',
      arrivedAt: '08:06:00',
      leftAt: '08:23:00',
      method: '走访',
      problems: '陈列杂乱',
      actions: '已处理',
      priceMarked: true,
      displayOk: false,
      violation: '无',
    });
    expect(String(data.content).startsWith('今日到访文化东升便利店')).toBe(true);
  });

  it('combines DingTalk 考勤日期 "26-10-08 星期四" with 打卡时间 "08:06"', () => {
    expect(recordOf(parseRow(DINGTALK_XLSX, 4))).toEqual({
      kind: 'attendance',
      data: {
        managerCode: 'LH001',
        managerUserId: 'dt_lh1',
        managerName: '周婷',
        at: '2026-10-08T08:06:00',
        date: '2026-10-08',
        isAbsence: false,
        kind: '外出',
        result: '外勤',
        anomaly: null,
        mockLocation: false,
        address: '临河县解放路330号',
        longitude: null,
        latitude: null,
        licence: null,
        customerCode: null,
        visited: '拜访客户：文化东升便利店（370902110012）',
        device: '手机打卡',
        source: null,
      },
    });
  });

  it('reads an electronic-card swipe with its date-time in one cell', () => {
    expect(recordOf(parseRow(ECARD_CSV, 2)).data).toMatchObject({
      managerCode: 'LH005',
      at: '2026-10-08T08:18:00',
      date: '2026-10-08',
      customerCode: '3709020010250',
      licence: null,
      device: 'T10249',
      source: null,
    });
  });

  it('reads a monthly report and infers its kind from the period', () => {
    expect(recordOf(parseRow(REPORTS_XLSX, 2)).data).toMatchObject({
      managerCode: 'LH001',
      managerName: '周婷',
      period: '2026-09',
      kind: '月报',
      title: '9月市场分析报告',
      submittedOn: '2026-10-08',
    });
  });

  it('keeps survey item scores under their known names', () => {
    expect(recordOf(parseRow(SURVEYS_XLSX, 2)).data).toEqual({
      surveyId: 'MY20260001',
      date: '2026-10-23',
      licence: '370902110017',
      customerCode: null,
      method: '电话',
      knowsManager: true,
      namesManager: true,
      visitsLastMonth: null,
      items: { 拜访及时性: 4, 服务态度: 5, 政策信息传递: 5, 经营指导: 4, 订货服务: 4, 送货服务: 5, 投诉处理: 4 },
      overall: '满意',
      comments: null,
    });
  });

  it('reads amounts with thousands separators from the GB18030 order CSV', () => {
    expect(recordOf(parseRow(ORDERS_CSV, 3)).data).toEqual({
      date: '2025-10-14',
      licence: '370902110001',
      customerCode: null,
      brandCode: '6901028045117',
      brandName: '玉溪(软)',
      demand: 16,
      quantity: 16,
      supplied: null,
      wholesalePrice: 198,
      amount: 3168,
      retailPrice: 230,
      orderNo: null,
    });
  });
});

describe('skipped rows', () => {
  const { parse } = sheet(
    ['序号', '日期', '许可证号', '卷烟编码', '订购量'],
    [null, null, '', '  ', null],
    ['合计', null, null, null, 1200],
    [null, '总 计：', null, null, 1200],
    ['小计(10月)', null, null, null, 30],
    [1, '2026-10-08', '370902110001', '6901028001687', 10],
    [2, '2026-10-08', '370902110001', '6901028001687', '合计'],
  );

  it('skips blank rows and totals rows', () => {
    expect(parse(1)).toEqual({ status: 'skip', why: 'blank' });
    expect(parse(2)).toEqual({ status: 'skip', why: 'totals' });
    expect(parse(3)).toEqual({ status: 'skip', why: 'totals' });
    expect(parse(4)).toEqual({ status: 'skip', why: 'totals' });
    expect(parse(5).status).toBe('record');
  });

  it('does not take 合计 beyond the first columns for a totals label', () => {
    expect(parse(6).status).toBe('invalid');
  });
});

describe('invalid rows', () => {
  it('collect every error of the row with column, letter and value as in the file', () => {
    const { parse } = sheet(
      ['日期', '工号', '姓名', '许可证号', '明码标价', '到店时间', '日志内容'],
      ['2026-02-30', null, null, '37090211000', '也许', '25:10', '  '],
    );
    const result = parse(1);
    expect(result.status).toBe('invalid');
    if (result.status !== 'invalid') return;
    expect(result.errors).toEqual([
      { rowNumber: 2, column: '日期', columnLetter: 'A', value: '2026-02-30', reason: '日期不存在' },
      { rowNumber: 2, column: '许可证号', columnLetter: 'D', value: '37090211000', reason: '许可证号应为12位数字' },
      { rowNumber: 2, column: '明码标价', columnLetter: 'E', value: '也许', reason: '无法识别的是/否' },
      { rowNumber: 2, column: '到店时间', columnLetter: 'F', value: '25:10', reason: '无法识别的时间' },
      { rowNumber: 2, column: '工号', columnLetter: 'B', value: '', reason: '缺少必填项“工号/姓名（至少一项）”' },
      { rowNumber: 2, column: '日志内容', columnLetter: 'G', value: '  ', reason: '缺少必填项“日志内容”' },
    ]);
  });

  it('name a required field whose column the file does not have', () => {
    const rowsWithoutContent = [
      { rowNumber: 1, cells: ['日期', '工号'] },
      { rowNumber: 2, cells: ['2026-10-08', 'LH001'] },
    ];
    const match = matchOf(rowsWithoutContent, { kind: 'journals' });
    const result = makeRowParser(match)(rowsWithoutContent[1] ?? { rowNumber: 0, cells: [] });
    expect(result).toEqual({
      status: 'invalid',
      errors: [{ rowNumber: 2, column: '日志内容', columnLetter: '', value: '', reason: '缺少必填项“日志内容”' }],
    });
  });

  it('report enum and range problems with the allowed values', () => {
    const { parse } = sheet(['许可证号', '客户名称', '档位', '城乡分类'], ['370902110001', '店', 31, '郊区']);
    const result = parse(1);
    expect(result.status === 'invalid' ? result.errors.map((e) => `${e.columnLetter}:${e.reason}`) : result).toEqual([
      'C:超出范围（1–30）',
      'D:无法识别的取值，可选：城镇、乡村',
    ]);
  });
});

describe('attendance rows', () => {
  const header = ['姓名', '工号', '考勤日期', '考勤时间', '打卡时间', '打卡结果', '异常打卡原因'];

  it('take 未打卡 without a time as an absence, not a punch', () => {
    const { parse } = sheet(header, ['周婷', 'LH001', '26-10-09 星期五', '上班 08:30', null, '未打卡', null]);
    expect(recordOf(parse(1)).data).toMatchObject({ at: null, date: '2026-10-09', isAbsence: true, kind: '上班' });
  });

  it('refuse a punch without a time unless it is an absence', () => {
    const { parse } = sheet(header, ['周婷', 'LH001', '26-10-09 星期五', '上班 08:30', null, '正常', null]);
    const result = parse(1);
    expect(result.status === 'invalid' ? result.errors.map((e) => `${e.column}:${e.reason}`) : result).toEqual(['打卡时间:缺少打卡时间']);
  });

  it('flag mock locations from the anomaly text', () => {
    const { parse } = sheet(
      header,
      ['周婷', 'LH001', '26-10-09 星期五', '外出', '09:13', '外勤', '模拟定位'],
      ['周婷', 'LH001', '26-10-09 星期五', '外出', '09:50', '外勤', '定位异常'],
      ['周婷', 'LH001', '26-10-09 星期五', '外出', '10:20', '外勤', '设备异常'],
    );
    expect(recordOf(parse(1)).data).toMatchObject({ mockLocation: true, anomaly: '模拟定位', at: '2026-10-09T09:13:00' });
    expect(recordOf(parse(2)).data).toMatchObject({ mockLocation: true });
    expect(recordOf(parse(3)).data).toMatchObject({ mockLocation: false });
  });

  it('need a date for a time-only punch', () => {
    const { parse } = sheet(['姓名', '打卡时间'], ['周婷', '08:06']);
    const result = parse(1);
    expect(result.status === 'invalid' ? result.errors.map((e) => e.reason) : result).toEqual(['只有时间，缺少考勤日期']);
  });

  it('read a WeCom sign-in with Date cells and coordinates', () => {
    const { parse } = sheet(
      ['姓名', '账号', '签到日期', '签到时间', '打卡类型', '签到地址', '经度', '纬度'],
      ['周婷', 'wx_zt', new Date('2026-10-08T00:00:00Z'), new Date('1899-12-30T08:42:05Z'), '外出打卡', '解放路', '117.08', '36.63'],
    );
    expect(recordOf(parse(1)).data).toMatchObject({
      managerUserId: 'wx_zt',
      at: '2026-10-08T08:42:05',
      kind: '外出',
      longitude: 117.08,
      latitude: 36.63,
    });
  });
});

describe('kind-specific conversions', () => {
  it('convert a 箱 column to 条', () => {
    const { parse } = sheet(['订货日期', '客户编码', '卷烟名称', '订购量(箱)', '需求量（条）'], ['2026/10/8', 'C001', '中华(硬)', 2, '510']);
    expect(recordOf(parse(1)).data).toMatchObject({ quantity: 500, demand: 510, customerCode: 'C001', licence: null, brandCode: null });
  });

  it('normalise report periods and take the kind column over the inference', () => {
    const { parse } = sheet(
      ['工号', '年月', '类型', '内容'],
      ['LH001', '2026年10月', null, '月报正文'],
      ['LH001', '2026-W41', null, '周记正文'],
      ['LH001', 202610, '周报', '写成月份的周记'],
    );
    expect(recordOf(parse(1)).data).toMatchObject({ period: '2026-10', kind: '月报' });
    expect(recordOf(parse(2)).data).toMatchObject({ period: '2026-W41', kind: '周记' });
    expect(recordOf(parse(3)).data).toMatchObject({ period: '2026-10', kind: '周记' });
  });

  it('read serial dates in the 1904 system when told to', () => {
    const rowsOfSheet = [
      { rowNumber: 1, cells: ['日期', '是否工作日'] },
      { rowNumber: 2, cells: [46303 - 1462, '是'] },
    ];
    const match = matchOf(rowsOfSheet);
    const row = rowsOfSheet[1] ?? { rowNumber: 0, cells: [] };
    expect(recordOf(makeRowParser(match, { date1904: true })(row)).data).toMatchObject({ date: '2026-10-08' });
    expect(recordOf(makeRowParser(match)(row)).data).toMatchObject({ date: '2022-10-07' });
  });

  it('pad a licence that arrived as a short number, and fold 私烟 into its canonical violation', () => {
    const { parse } = sheet(['检查日期', '许可证号', '违规类型'], [46303, 70902110001, '私烟']);
    expect(recordOf(parse(1)).data).toMatchObject({ date: '2026-10-08', licence: '070902110001', violation: '私烟/非法渠道' });
  });

  it('split roster routes on every separator', () => {
    const { parse } = sheet(['工号', '姓名', '线路'], ['LH009', '王五', 'LH-01, LH-02，LH-03、LH-04;LH-05；LH-06']);
    expect(recordOf(parse(1)).data).toMatchObject({ routes: ['LH-01', 'LH-02', 'LH-03', 'LH-04', 'LH-05', 'LH-06'] });
  });

  it('read only the known survey items into items', () => {
    const { parse } = sheet(['调查日期', '客户编码', '认识客户经理', '服务态度', '送货服务', '环境卫生'], ['2026-10-20', 'C9', '√', '5', null, 3]);
    expect(recordOf(parse(1)).data).toMatchObject({ knowsManager: true, items: { 服务态度: 5 } });
  });

  it('carry nothing over from one row to the next', () => {
    const { parse } = sheet(['日期', '工号', '内容', '发现问题', '明码标价'], ['2026-10-08', 'LH001', '走访', '价签缺失', '是'], ['2026-10-08', 'LH001', '走访', null, null]);
    expect(recordOf(parse(1)).data).toMatchObject({ problems: '价签缺失', priceMarked: true });
    expect(recordOf(parse(2)).data).toMatchObject({ problems: null, priceMarked: null });
    expect(recordOf(parse(1)).data).toMatchObject({ problems: '价签缺失', priceMarked: true });
  });
});
