import { describe, expect, it } from 'vitest';
import { cleanSheetName, managerSheetName, MAX_SHEET_NAME, uniqueSheetNames } from '../../../../src/core/report/sheetNames';

describe('sheet names', () => {
  it('drops the characters Excel forbids, control characters and enclosing apostrophes', () => {
    expect(cleanSheetName("'王[芳]:a*b?c/d\\e'")).toBe('王芳abcde');
    expect(cleanSheetName('李\t娜\n')).toBe('李娜');
  });

  it('keeps at most 31 characters and never splits a character outside the BMP', () => {
    expect(cleanSheetName('一'.repeat(40))).toHaveLength(MAX_SHEET_NAME);
    const name = cleanSheetName('甲'.repeat(30) + '𠀀');
    expect(name).toBe('甲'.repeat(30));
  });

  it('names a manager sheet 姓名 工号 and shortens the name, not the code', () => {
    expect(managerSheetName('王芳', 'LH001')).toBe('王芳 LH001');
    const long = managerSheetName('欧阳'.repeat(20), 'LH003');
    expect(long.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(long.endsWith(' LH003')).toBe(true);
    expect(managerSheetName('[]', '::')).toBe('客户经理');
  });

  it('makes names unique as Excel compares them (ignoring case), against fixed sheets too, within 31 characters', () => {
    const long = '张'.repeat(31);
    expect(uniqueSheetNames(['汇总', 'Ab 1', 'aB 1', long, long, 'history'], ['汇总', '异常明细'])).toEqual([
      '汇总(2)',
      'Ab 1',
      'aB 1(2)',
      long,
      '张'.repeat(28) + '(2)',
      'history(2)',
    ]);
  });
});
