import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../../../src/core/import/columnLetter';
import { repairMojibake } from '../../../../src/core/import/repairMojibake';
import { ROSTER_XLSX } from './sampleRows';

/** What a tool that reads UTF-8 as Windows-1252 makes of a text (undefined bytes → U+F100 + byte, as LibreOffice does). */
function garble(text: string): string {
  const cp1252 = new Map<number, number>([[0x80, 0x20ac], [0x91, 0x2018], [0x96, 0x2013], [0x98, 0x02dc], [0x9c, 0x0153]]);
  return [...new TextEncoder().encode(text)]
    .map((byte) => {
      if (byte < 0x80 || byte >= 0xa0) return String.fromCharCode(byte);
      const mapped = cp1252.get(byte);
      return String.fromCharCode(mapped ?? 0xf100 + byte);
    })
    .join('');
}

describe('repairMojibake', () => {
  it('repairs the roster sample header and cells', () => {
    const header = ROSTER_XLSX[0]?.cells ?? [];
    expect(header.map((cell) => repairMojibake(String(cell)))).toEqual([
      '员工编号',
      '客户经理姓名',
      '所属部门',
      '片区',
      '负责线路',
      '手机号',
      '钉钉UserId',
      '入职日期',
      '在岗状态',
    ]);
    expect(repairMojibake(String(ROSTER_XLSX[1]?.cells[4]))).toBe('LH-01、LH-02');
  });

  it('repairs text garbled the same way', () => {
    for (const text of ['周婷', '临河营销部', '拜访客户：文化东升便利店（370902110012）']) {
      expect(repairMojibake(garble(text))).toBe(text);
    }
  });

  it('leaves genuine text alone', () => {
    expect(repairMojibake('员工编号')).toBeNull();
    expect(repairMojibake('LH001')).toBeNull();
    expect(repairMojibake('café')).toBeNull();
    expect(repairMojibake('')).toBeNull();
  });
});

describe('columnLetter', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
