import { describe, expect, it } from 'vitest';
import { parseCode } from '../../../../src/core/import/parseCode';
import { parseText } from '../../../../src/core/import/parseText';

const value = <T>(result: { ok: true; value: T } | { ok: false; reason: string }): T | string =>
  result.ok ? result.value : `ERR:${result.reason}`;

describe('parseCode', () => {
  it('turns numbers into their integer digits, never an exponent or ".0"', () => {
    expect(value(parseCode(370902110001))).toBe('370902110001');
    expect(value(parseCode(6901028001687))).toBe('6901028001687');
    expect(value(parseCode(370902110001, { licence: true }))).toBe('370902110001');
  });

  it('pads a licence that arrived as a number and lost its leading zeros', () => {
    expect(value(parseCode(70902110001, { licence: true }))).toBe('070902110001');
    expect(value(parseCode(70902110001))).toBe('70902110001');
  });

  it('keeps text as written: leading zeros, trimmed, half-width', () => {
    expect(value(parseCode(' 070902110001 ', { licence: true }))).toBe('070902110001');
    expect(value(parseCode('３７０９０２１１０００１', { licence: true }))).toBe('370902110001');
    expect(value(parseCode('ＬＨ００１'))).toBe('LH001');
    expect(value(parseCode('3709020010250'))).toBe('3709020010250');
    expect(value(parseCode('370902110001.0', { licence: true }))).toBe('370902110001');
    expect(value(parseCode("'370902110001", { licence: true }))).toBe('370902110001');
    expect(value(parseCode('="070902110001"', { licence: true }))).toBe('070902110001');
  });

  it('refuses licences that are not 12 digits, but leaves customer codes free-form', () => {
    expect(value(parseCode('37090211000', { licence: true }))).toBe('ERR:许可证号应为12位数字');
    expect(value(parseCode('3709021100011', { licence: true }))).toBe('ERR:许可证号应为12位数字');
    expect(value(parseCode('37090211000A', { licence: true }))).toBe('ERR:许可证号应为12位数字');
    expect(value(parseCode('C-0012'))).toBe('C-0012');
  });

  it('refuses codes whose digits Excel already lost', () => {
    expect(value(parseCode('3.70902E+11'))).toMatch(/^ERR:编码被显示成了科学计数法/);
    expect(value(parseCode(12345678901234567890))).toMatch(/^ERR:编码位数过多/);
    expect(value(parseCode(12.5))).toMatch(/^ERR:/);
    expect(value(parseCode(new Date(0)))).toMatch(/^ERR:/);
  });

  it('gives null for empty cells', () => {
    expect(value(parseCode(null))).toBeNull();
    expect(value(parseCode('  '))).toBeNull();
    expect(value(parseCode('-'))).toBeNull();
    expect(value(parseCode('/', { licence: true }))).toBeNull();
  });
});

describe('parseText', () => {
  it('trims text and writes numbers, booleans and dates as a person would read them', () => {
    expect(value(parseText('  临河县解放路330号 '))).toBe('临河县解放路330号');
    expect(value(parseText(13961817733))).toBe('13961817733');
    expect(value(parseText(117.089766))).toBe('117.089766');
    expect(value(parseText(true))).toBe('是');
    expect(value(parseText(new Date('2026-10-08T00:00:00Z')))).toBe('2026-10-08');
    expect(value(parseText('-'))).toBe('-');
    expect(value(parseText(' '))).toBeNull();
  });
});
