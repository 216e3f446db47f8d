import { describe, expect, it } from 'vitest';
import { employmentWindow } from '../../../../src/core/measures/employmentWindow';

const FIRST = '2026-10-01';
const LAST = '2026-10-31';

describe('employmentWindow (measures.md, who is judged)', () => {
  it.each([
    ['hired long before, 在岗', { hiredOn: '2020-03-01', status: '在岗' }, null, { from: FIRST, to: LAST }],
    ['no hiring date', { hiredOn: null, status: null }, null, { from: FIRST, to: LAST }],
    ['hired mid-month', { hiredOn: '2026-10-19', status: '在岗' }, null, { from: '2026-10-19', to: LAST }],
    ['hired on the last day', { hiredOn: LAST, status: '在岗' }, null, { from: LAST, to: LAST }],
    ['hired after the month', { hiredOn: '2026-11-15', status: '在岗' }, null, null],
    ['left mid-month (离职日期)', { hiredOn: '2018-01-02', leftOn: '2026-10-09', status: '离岗' }, null, { from: FIRST, to: '2026-10-09' }],
    ['left on the first day', { hiredOn: '2018-01-02', leftOn: FIRST, status: '调离' }, null, { from: FIRST, to: FIRST }],
    ['left before the month', { hiredOn: '2018-01-02', leftOn: '2026-09-30', status: '离岗' }, '2026-10-03', null],
    ['left after the month, status still 在岗', { hiredOn: '2018-01-02', leftOn: '2026-12-01', status: '在岗' }, null, { from: FIRST, to: LAST }],
    ['调离 without a date, last punch 10-14', { hiredOn: '2018-01-02', status: '调离' }, '2026-10-14', { from: FIRST, to: '2026-10-14' }],
    ['离岗 without a date and no activity', { hiredOn: '2018-01-02', status: '离岗' }, null, null],
    ['hired 10-20, left 10-10', { hiredOn: '2026-10-20', leftOn: '2026-10-10', status: '离岗' }, null, null],
  ])('%s', (_, manager, lastActive, expected) => {
    expect(employmentWindow(manager, FIRST, LAST, lastActive)).toEqual(expected);
  });
});
