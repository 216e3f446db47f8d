import { describe, expect, it } from 'vitest';
import { excelNumberFormat, formatNumber, formatPercent } from '../../../../src/core/format/numberFormat';

describe('formatNumber', () => {
  it('shows money with two decimals and thousands separators', () => {
    expect(formatNumber(127.2, 'money')).toBe('127.20');
    expect(formatNumber(763.2, 'money')).toBe('763.20');
    expect(formatNumber(1234567.891, 'money')).toBe('1,234,567.89');
  });

  it('shows quantities with separators and decimals only when they have them', () => {
    expect(formatNumber(5848, 'quantity')).toBe('5,848');
    expect(formatNumber(5835.6, 'quantity')).toBe('5,835.6');
    expect(formatNumber(5835.25, 'quantity')).toBe('5,835.25');
    expect(formatNumber(5835.0001, 'quantity')).toBe('5,835');
  });

  it('shows counts whole with separators, shares as percentages, scores with one decimal', () => {
    expect(formatNumber(1234567, 'count')).toBe('1,234,567');
    expect(formatNumber(0.8533, 'percent')).toBe('85.3%');
    expect(formatPercent(0.8, 0)).toBe('80%');
    expect(formatPercent(1 / 3, 2)).toBe('33.33%');
    expect(formatNumber(87.25, 'score')).toBe('87.3');
    expect(formatNumber(-0.01, 'score')).toBe('0.0');
    expect(formatNumber(117.1234567, 'coordinate')).toBe('117.123457');
    expect(formatNumber(3, 'plain')).toBe('3');
    expect(formatNumber(12345.5, 'plain')).toBe('12345.5');
  });

  it('reads nothing for missing or non-finite values', () => {
    expect(formatNumber(null, 'money')).toBe('');
    expect(formatNumber(Number.NaN, 'count')).toBe('');
  });
});

describe('excelNumberFormat', () => {
  it('gives the Excel format that prints what the screen shows', () => {
    expect(excelNumberFormat('money')).toBe('#,##0.00');
    expect(excelNumberFormat('quantity', 5848)).toBe('#,##0');
    expect(excelNumberFormat('quantity', 5835.6)).toBe('#,##0.0#');
    expect(excelNumberFormat('count')).toBe('#,##0');
    expect(excelNumberFormat('percent')).toBe('0.0%');
    expect(excelNumberFormat('percent', null, { decimals: 2 })).toBe('0.00%');
    expect(excelNumberFormat('score')).toBe('0.0');
    expect(excelNumberFormat('hours')).toBe('0.0');
    expect(excelNumberFormat('coordinate')).toBe('0.000000');
    expect(excelNumberFormat('plain')).toBe('General');
  });
});
