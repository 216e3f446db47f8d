import { describe, expect, it } from 'vitest';
import { fieldForHeader } from '../../../../src/core/import/fieldLookup';
import { headerParts, normalizeHeader } from '../../../../src/core/import/normalizeHeader';

describe('normalizeHeader', () => {
  it('ignores spaces (incl. U+3000 and line breaks), case and full-width forms', () => {
    expect(normalizeHeader(' 订 购\u3000量\n')).toBe('订购量');
    expect(normalizeHeader('ＵｓｅｒＩｄ')).toBe('userid');
    expect(normalizeHeader('\ufeff卷烟编码')).toBe('卷烟编码');
    expect(normalizeHeader('*许可证号：')).toBe('许可证号');
  });

  it('strips one trailing unit in half- or full-width brackets', () => {
    expect(normalizeHeader('订购量(条)')).toBe('订购量');
    expect(normalizeHeader('订购量（条）')).toBe('订购量');
    expect(normalizeHeader('批发价(元/条)')).toBe('批发价');
    expect(headerParts('需求量（箱）')).toEqual({ base: '需求量', unit: '箱', full: '需求量(箱)' });
    expect(headerParts('订购量')).toEqual({ base: '订购量', unit: null, full: '订购量' });
  });

  it('treats __proto__, constructor and toString as ordinary unknown names', () => {
    for (const header of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(normalizeHeader(header)).toBe(header.toLowerCase());
      expect(fieldForHeader('journals', header)).toBeNull();
      expect(fieldForHeader('roster', header)).toBeNull();
    }
  });

  it('finds fields by any synonym, with or without unit', () => {
    expect(fieldForHeader('orders', '订购量（条）')?.key).toBe('quantity');
    expect(fieldForHeader('orders', '需求量(条)')?.key).toBe('demand');
    expect(fieldForHeader('brands', '批发价(元/条)')?.key).toBe('wholesalePrice');
    expect(fieldForHeader('attendance', '钉钉 UserId')?.key).toBe('managerUserId');
    expect(fieldForHeader('attendance', '卡号')?.key).toBe('managerCode');
    expect(fieldForHeader('surveys', '客户代码')?.key).toBe('customerCode');
    expect(fieldForHeader('orders', '备注')).toBeNull();
  });
});
