import { describe, expect, it } from 'vitest';
import { MARKET_TYPE, PUNCH_KIND, SPOTCHECK_ITEM, VIOLATION_TYPE } from '../../../../src/core/import/enums';
import { KIND_SPECS } from '../../../../src/core/import/kinds';
import { makeBoolParser, parseBool } from '../../../../src/core/import/parseBool';
import { makeEnumParser } from '../../../../src/core/import/parseEnum';
import { makeValueParser } from '../../../../src/core/import/parseValue';

const value = <T>(result: { ok: true; value: T } | { ok: false; reason: string }): T | string =>
  result.ok ? result.value : `ERR:${result.reason}`;

describe('parseBool', () => {
  it.each(['是', 'Y', 'y', 'yes', 'YES', 'true', 'TRUE', '√', '✓', '✔', '1', '有', '对', '能', '认识', ' 是 ', 'Ｙ'])('reads %j as true', (text) => {
    expect(value(parseBool(text))).toBe(true);
  });

  it.each(['否', 'N', 'no', 'false', 'FALSE', '×', '✗', '✘', 'x', '0', '无', '错', '不能', '不认识'])('reads %j as false', (text) => {
    expect(value(parseBool(text))).toBe(false);
  });

  it('reads booleans and 1/0 numbers, null for empty, and refuses anything else', () => {
    expect(value(parseBool(true))).toBe(true);
    expect(value(parseBool(0))).toBe(false);
    expect(value(parseBool(1))).toBe(true);
    expect(value(parseBool(null))).toBeNull();
    expect(value(parseBool(''))).toBeNull();
    expect(value(parseBool(2))).toBe('ERR:无法识别的是/否');
    expect(value(parseBool('也许'))).toBe('ERR:无法识别的是/否');
    expect(value(parseBool('__proto__'))).toBe('ERR:无法识别的是/否');
  });

  it('takes a field\'s extra spellings without changing the default ones', () => {
    const workday = makeBoolParser([['班', true], ['休', false]]);
    expect(value(workday('班'))).toBe(true);
    expect(value(workday('休'))).toBe(false);
    expect(value(parseBool('班'))).toBe('ERR:无法识别的是/否');
    const calendarWorkday = KIND_SPECS.calendar.fields.find((f) => f.key === 'workday');
    if (calendarWorkday === undefined) throw new Error('calendar.workday missing');
    expect(value(makeValueParser(calendarWorkday)('休息日'))).toBe(false);
  });
});

describe('enums', () => {
  it('fold the spellings of one value into its canonical form', () => {
    const violation = makeEnumParser(VIOLATION_TYPE);
    expect(value(violation('私烟'))).toBe('私烟/非法渠道');
    expect(value(violation('非法渠道'))).toBe('私烟/非法渠道');
    expect(value(violation('私烟/非法渠道'))).toBe('私烟/非法渠道');
    expect(value(violation(' 假 烟 '))).toBe('假烟');
    expect(value(violation('无'))).toBe('无');
    const market = makeEnumParser(MARKET_TYPE);
    expect(value(market('城网'))).toBe('城镇');
    expect(value(market('农网'))).toBe('乡村');
    expect(value(market('乡村'))).toBe('乡村');
  });

  it('read DingTalk punch slots by their prefix', () => {
    const kind = makeEnumParser(PUNCH_KIND);
    expect(value(kind('上班打卡'))).toBe('上班');
    expect(value(kind('上班 08:30'))).toBe('上班');
    expect(value(kind('下班17:30'))).toBe('下班');
    expect(value(kind('外出'))).toBe('外出');
    expect(value(kind('加班'))).toMatch(/^ERR:无法识别的取值，可选：上班、下班、外出/);
  });

  it('map spot-check items to their keys and explain the Chinese choices', () => {
    const item = makeEnumParser(SPOTCHECK_ITEM);
    expect(value(item('辖区零售户数'))).toBe('retailer_count');
    expect(value(item('线路月销量'))).toBe('route_volume');
    expect(value(item('档位户数'))).toBe('tier_count');
    expect(value(item('库存'))).toBe('ERR:无法识别的取值，可选：辖区零售户数、线路月销量、档位户数');
  });

  it('never treat prototype names as values', () => {
    const violation = makeEnumParser(VIOLATION_TYPE);
    expect(value(violation('constructor'))).toMatch(/^ERR:/);
    expect(value(violation('__proto__'))).toMatch(/^ERR:/);
    expect(value(violation(null))).toBeNull();
  });
});
