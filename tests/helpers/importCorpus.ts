import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeCsv, type SheetCell } from './writeSheets';

/**
 * Small files shaped like the exports supervisors really get (data-kinds.md): title rows with
 * merged cells above the header, DingTalk's 每日统计 / 打卡时间 / 月度汇总 / 原始记录, WeCom's
 * 打卡记录, the marketing system's order export and order view, a phone list, and files whose
 * kind is unclear. xlsx and CSV where the export comes in both.
 */

interface Merge {
  range: string;
}

async function writeSheet(file: string, rows: SheetCell[][], merges: Merge[] = [], sheetName = 'Sheet1'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  rows.forEach((row, i) => {
    row.forEach((value, j) => {
      if (value !== null) ws.getCell(i + 1, j + 1).value = value;
    });
  });
  for (const m of merges) ws.mergeCells(m.range);
  await wb.xlsx.writeFile(file);
  return file;
}

export const ROSTER_ROWS: SheetCell[][] = [
  ['客户经理花名册'],
  ['工号', '姓名', '营销部', '片区', '服务线路', '手机', 'UserId', '入职日期', '状态'],
  ['LH001', '张伟', '临河营销部', '城区一片', 'X01、X02', '13800000001', 'user001', '2020-03-01', '在岗'],
  ['LH002', '李娜', '临河营销部', '城区二片', 'X03', '13800000002', 'user002', '2021-05-06', '在岗'],
  ['LH003', '王强', '临河营销部', '乡镇片', 'X04', '13800000003', 'user003', '2019-07-15', '在岗'],
];

export async function writeMasters(dir: string): Promise<{ roster: string; retailers: string; brands: string }> {
  const roster = await writeSheet(path.join(dir, '客户经理花名册.xlsx'), ROSTER_ROWS, [{ range: 'A1:I1' }]);
  const retailers = await writeSheet(
    path.join(dir, '零售客户档案_202610.xlsx'),
    [
      ['零售客户档案（截至2026年10月）'],
      [],
      ['许可证号', '客户编码', '客户名称', '负责人', '经营地址', '档位', '送货线路', '客户经理工号', '状态'],
      ['370902110001', '3709020010001', '福顺便利店', '赵一', '临河路1号', 25, 'X01', 'LH001', '正常'],
      ['370902110002', '3709020010002', '老王烟酒店', '王二', '临河路2号', 12, 'X02', 'LH001', '正常'],
      ['370902110003', '3709020010003', '惠民超市', '孙三', '胜利街3号', 5, 'X03', 'LH002', '正常'],
    ],
    [{ range: 'A1:I1' }],
  );
  const brands = await writeSheet(path.join(dir, '品规目录.xlsx'), [
    ['卷烟编码', '卷烟名称', '品牌', '价类', '批发价', '建议零售价', '重点品牌', '新品', '上市日期'],
    ['6901028001687', '中华(硬)', '中华', '一类', 375, 450, '是', '否', '2010-01-01'],
    ['6901028075022', '云烟(紫)', '云烟', '三类', 95.4, 110, '否', '是', '2026-03-01'],
  ]);
  return { roster, retailers, brands };
}

const DAILY_HEADER = [
  '姓名', '考勤组', '部门', '工号', '职位', 'UserId', '日期', '班次',
  '上班1打卡时间', '上班1打卡结果', '下班1打卡时间', '下班1打卡结果',
  '上班2打卡时间', '上班2打卡结果', '下班2打卡时间', '下班2打卡结果',
  '关联的审批单', '考勤结果', '出勤天数', '工作时长', '迟到次数', '迟到时长',
];

/** DingTalk 每日统计: title rows, then one row per person and day, punches side by side. */
export function dailyStatsRows(): SheetCell[][] {
  const blank2 = ['', '', '', ''];
  return [
    ['每日统计 统计日期：2026-10-01 至 2026-10-31'],
    ['报表生成时间：2026-11-02 09:15'],
    DAILY_HEADER,
    ['张伟', '临河考勤组', '临河营销部', 'LH001', '客户经理', 'user001', '26-10-08 星期四', '正常班 08:30-17:30',
      '08:42', '正常', '17:45', '正常', ...blank2, '', '正常', 1, 540, 0, 0],
    ['张伟', '临河考勤组', '临河营销部', 'LH001', '客户经理', 'user001', '26-10-09 星期五', '正常班 08:30-17:30',
      '09:05', '迟到', '', '未打卡', ...blank2, '', '迟到,缺卡', 1, 300, 1, 35],
    ['张伟', '临河考勤组', '临河营销部', 'LH001', '客户经理', 'user001', '26-10-10 星期六', '休息',
      '', '', '', '', ...blank2, '', '休息', 0, 0, 0, 0],
    ['李娜', '临河考勤组', '临河营销部', 'LH002', '客户经理', 'user002', '26-10-08 星期四', '两头班',
      '08:25', '正常', '12:01', '正常', '13:58', '正常', '17:40', '外勤', '', '正常', 1, 480, 0, 0],
  ];
}

/** The punches 每日统计 holds: [工号, at (null for an absence), kind, result]. */
export const DAILY_PUNCHES: [string, string | null, string, string][] = [
  ['LH001', '2026-10-08T08:42:00', '上班', '正常'],
  ['LH001', '2026-10-08T17:45:00', '下班', '正常'],
  ['LH001', '2026-10-09T09:05:00', '上班', '迟到'],
  ['LH001', null, '下班', '未打卡'],
  ['LH002', '2026-10-08T08:25:00', '上班', '正常'],
  ['LH002', '2026-10-08T12:01:00', '下班', '正常'],
  ['LH002', '2026-10-08T13:58:00', '上班', '正常'],
  ['LH002', '2026-10-08T17:40:00', '下班', '外勤'],
];

export async function writeDailyStats(dir: string): Promise<{ xlsx: string; csv: string; excelValues: string }> {
  const rows = dailyStatsRows();
  const xlsx = await writeSheet(path.join(dir, '钉钉考勤_每日统计.xlsx'), rows, [{ range: 'A1:V1' }, { range: 'A2:V2' }], '每日统计');
  const csv = writeCsv(path.join(dir, '钉钉考勤_每日统计.csv'), rows, 'utf8-bom');
  // The same saved again from Excel: real dates in 日期 and times of day as Excel times (h:mm).
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('每日统计');
  rows.forEach((row, i) => {
    row.forEach((value, j) => {
      if (value === null || value === '') return;
      const cell = ws.getCell(i + 1, j + 1);
      const date = typeof value === 'string' ? /^(\d{2})-(\d{2})-(\d{2}) 星期.$/.exec(value) : null;
      const time = typeof value === 'string' ? /^(\d{2}):(\d{2})$/.exec(value) : null;
      if (i >= 3 && date) {
        cell.value = new Date(Date.UTC(2000 + Number(date[1]), Number(date[2]) - 1, Number(date[3])));
        cell.numFmt = 'yyyy-mm-dd';
      } else if (i >= 3 && time) {
        cell.value = (Number(time[1]) * 60 + Number(time[2])) / 1440;
        cell.numFmt = 'h:mm';
      } else {
        cell.value = value;
      }
    });
  });
  const excelValues = path.join(dir, '钉钉考勤_每日统计_Excel另存.xlsx');
  await wb.xlsx.writeFile(excelValues);
  return { xlsx, csv, excelValues };
}

/**
 * DingTalk 打卡时间: title with the month, a merged "打卡时间" over the day columns, day numbers
 * under it and a row of weekday labels, one row per person with several times per cell.
 * `labelsInDayCell` puts the weekday into the day cell ("3\n六") instead of a row of its own.
 */
export async function writePunchGrid(dir: string, labelsInDayCell = false): Promise<string> {
  const weekdays = ['四', '五', '六', '日', '一', '二', '三', '四', '五', '六'];
  const days = Array.from({ length: 10 }, (_, i) => (labelsInDayCell && (weekdays[i] === '六' || weekdays[i] === '日') ? `${i + 1}\n${weekdays[i]}` : i + 1));
  const ids = ['姓名', '考勤组', '部门', '工号', '职位', 'UserId'];
  const cells = (times: Record<number, string>) => Array.from({ length: 10 }, (_, i) => times[i + 1] ?? '');
  const rows: SheetCell[][] = [
    ['打卡时间 统计日期：2026-10-01 至 2026-10-10'],
    [...ids, '打卡时间', ...Array<SheetCell>(9).fill(null)],
    [...Array<SheetCell>(6).fill(null), ...days],
    ...(labelsInDayCell ? [] : [[...Array<SheetCell>(6).fill(null), ...weekdays]]),
    ['张伟', '临河考勤组', '临河营销部', 'LH001', '客户经理', 'user001', ...cells({ 1: '08:23\n12:04\n17:41', 2: '08:31\n17:40', 5: '08:29' })],
    ['李娜', '临河考勤组', '临河营销部', 'LH002', '客户经理', 'user002', ...cells({ 9: '08:10 17:35' })],
  ];
  const merges = [{ range: 'A1:P1' }, { range: 'G2:P2' }, ...['A', 'B', 'C', 'D', 'E', 'F'].map((c) => ({ range: `${c}2:${c}${labelsInDayCell ? 3 : 4}` }))];
  return writeSheet(path.join(dir, labelsInDayCell ? '打卡时间_周末标在日期里.xlsx' : '钉钉打卡时间.xlsx'), rows, merges, '打卡时间');
}

export const GRID_PUNCHES: [string, string][] = [
  ['LH001', '2026-10-01T08:23:00'],
  ['LH001', '2026-10-01T12:04:00'],
  ['LH001', '2026-10-01T17:41:00'],
  ['LH001', '2026-10-02T08:31:00'],
  ['LH001', '2026-10-02T17:40:00'],
  ['LH001', '2026-10-05T08:29:00'],
  ['LH002', '2026-10-09T08:10:00'],
  ['LH002', '2026-10-09T17:35:00'],
];

/** DingTalk 月度汇总: totals per person and a result per day, no punch times. */
export async function writeMonthlySummary(dir: string): Promise<string> {
  return writeSheet(
    path.join(dir, '钉钉考勤_月度汇总.xlsx'),
    [
      ['月度汇总 统计日期：2026-10-01 至 2026-10-31'],
      ['姓名', '考勤组', '部门', '工号', '职位', 'UserId', '出勤天数', '休息天数', '工作时长', '迟到次数', '旷工天数', '考勤结果', null, null],
      [null, null, null, null, null, null, null, null, null, null, null, 1, 2, 3],
      ['张伟', '临河考勤组', '临河营销部', 'LH001', '客户经理', 'user001', 21, 10, 10080, 1, 0, '正常', '迟到', '休息'],
    ],
    [{ range: 'A1:N1' }, { range: 'L2:N2' }],
  );
}

/** WeCom 打卡记录: 日期 "2026/10/08 星期四", the time alone in 打卡时间, 打卡状态 and 打卡地点. */
export async function writeWeComPunches(dir: string): Promise<string> {
  return writeSheet(
    path.join(dir, '企业微信_打卡记录.xlsx'),
    [
      ['打卡记录', null, null, null, null, null, null, null, null, null, null, null],
      ['时间：2026-10-01 至 2026-10-31  导出时间：2026-11-02 10:00'],
      ['日期', '姓名', '账号', '部门', '职务', '打卡规则', '打卡类型', '打卡时间', '打卡状态', '打卡地点', '打卡设备', '备注'],
      ['2026/10/08 星期四', '张伟', 'user001', '临河营销部', '客户经理', '临河规则', '上班打卡', '08:42', '正常', '临河路1号附近', 'iPhone', ''],
      ['2026/10/08 星期四', '张伟', 'user001', '临河营销部', '客户经理', '临河规则', '外出打卡', '10:15', '外勤', '胜利街', 'iPhone', '拜访福顺便利店'],
      ['2026/10/08 星期四', '张伟', 'user001', '临河营销部', '客户经理', '临河规则', '下班打卡', '', '未打卡', '', '', ''],
    ],
    [{ range: 'A1:L1' }, { range: 'A2:L2' }],
  );
}

/** DingTalk 原始记录 with 数据来源: one punch filled in afterwards (补打卡). */
export async function writeRawRecordWithSource(dir: string): Promise<string> {
  return writeSheet(
    path.join(dir, '钉钉考勤_原始记录_202610.xlsx'),
    [
      ['原始记录 统计日期：2026-10-01 至 2026-10-31'],
      ['报表生成时间：2026-11-02 09:15'],
      ['姓名', '考勤组', '部门', '工号', '职位', 'UserId', '考勤日期', '考勤时间', '打卡时间', '打卡结果', '打卡地址', '数据来源', '打卡备注'],
      ['王强', '临河考勤组', '临河营销部', 'LH003', '客户经理', 'user003', '26-10-12 星期一', '上班 08:30', '2026-10-12 08:20', '正常', '乡镇路5号', '手机打卡', ''],
      ['王强', '临河考勤组', '临河营销部', 'LH003', '客户经理', 'user003', '26-10-12 星期一', '下班 17:30', '2026-10-12 17:30', '正常', '', '补打卡', '忘记打卡，已审批'],
    ],
    [{ range: 'A1:M1' }],
  );
}

const ORDER_HEADER = ['订单编号', '订单日期', '客户编码', '许可证号', '客户名称', '商品编码', '商品名称', '批发价', '需求量', '订购量', '金额'];
const ORDER_ROWS: SheetCell[][] = [
  ['DD20261008001', '2026-10-08', '3709020010001', '370902110001', '福顺便利店', '6901028001687', '中华(硬)', 375, 5, 3, 1125],
  ['DD20261008001', '2026-10-08', '3709020010001', '370902110001', '福顺便利店', '6901028075022', '云烟(紫)', 95.4, 10, 10, 954],
  ['DD20261015007', '2026-10-15', '3709020010003', '370902110003', '惠民超市', '6901028075022', '云烟(紫)', 95.4, 4, 4, 381.6],
];

/** The marketing system's order export: 商品名称 names the brand, 订单编号 is kept. */
export async function writeOrderExport(dir: string): Promise<{ xlsx: string; csv: string }> {
  const rows = [['订单明细 2026年10月'], ORDER_HEADER, ...ORDER_ROWS, ['合计', null, null, null, null, null, null, null, 19, 17, 2460.6]];
  const xlsx = await writeSheet(path.join(dir, '订单明细_202610.xlsx'), rows, [{ range: 'A1:K1' }]);
  const csv = writeCsv(path.join(dir, '订单明细_202610.csv'), rows, 'gb18030');
  return { xlsx, csv };
}

/** A 10-column order view with no date and no retailer: neither orders nor a brand list. */
export async function writeOrderView(dir: string): Promise<string> {
  return writeSheet(path.join(dir, '订单商品视图.xlsx'), [
    ['序号', '商品编码', '商品名称', '批发价', '需求量', '订购量', '确认量', '零售指导价', '金额', '预计盈利'],
    [1, '6901028001687', '中华(硬)', 375, 5, 3, 3, 450, 1125, 225],
    [2, '6901028075022', '云烟(紫)', 95.4, 10, 10, 10, 110, 954, 146],
  ]);
}

/** A three-column phone list: only phones may change. */
export function writePhoneList(dir: string): string {
  return writeCsv(
    path.join(dir, '手机号.csv'),
    [
      ['工号', '姓名', '手机号'],
      ['LH001', '张伟', '13911112222'],
      ['LH002', '李娜', '13800000002'],
    ],
    'utf8-bom',
  );
}

/** A DingTalk member list: 姓名, 工号, 部门, UserId and nothing of the roster's own. */
export async function writeMemberList(dir: string): Promise<string> {
  return writeSheet(path.join(dir, '钉钉成员.xlsx'), [
    ['姓名', '工号', '部门', '职位', 'UserId'],
    ['张伟', 'LH001', '临河营销部', '客户经理', 'user001'],
  ]);
}

/** Headers that fit orders and inspections about equally. */
export function writeAmbiguous(dir: string): string {
  return writeCsv(path.join(dir, '检查与订货.csv'), [
    ['日期', '许可证号', '客户名称', '卷烟编码', '订购量', '检查结果'],
    ['2026-10-08', '370902110001', '福顺便利店', '6901028001687', 3, '无'],
  ]);
}
