import { writeCsv, type SheetCell } from './writeSheets';

/** A 品规目录 CSV with `count` brands whose codes start at `first` (distinct files never share a code). */
export function writeBrandsCsv(file: string, first: number, count: number): string {
  const rows: SheetCell[][] = [['卷烟编码', '卷烟名称', '批发价(元/条)', '建议零售价', '重点品牌']];
  for (let i = 0; i < count; i += 1) {
    const n = first + i;
    rows.push([String(6901028000000 + n), `测试卷烟${n}`, (80 + (n % 300)).toFixed(2), (100 + (n % 300)).toFixed(2), n % 7 === 0 ? '是' : '否']);
  }
  return writeCsv(file, rows, 'utf8');
}
