import { field, REQUIRED } from './fieldSpec';
import { label } from './gridColumn';
import type { KindDeclaration } from './kindDeclaration';
import { fieldColumns } from './storedColumn';

export const calendarKind: KindDeclaration = {
  kind: 'calendar',
  label: label('工作日历', 'Work calendar'),
  table: 'calendar_days',
  fields: [
    field('date', '日期', 'date', ['日期'], REQUIRED),
    field('workday', '是否工作日', 'bool', ['是否工作日', '工作日'], {
      required: true,
      boolExtra: [
        ['班', true],
        ['上班', true],
        ['工作日', true],
        ['休', false],
        ['休息', false],
        ['休息日', false],
        ['节假日', false],
      ],
    }),
    field('note', '说明', 'text', ['说明', '节假日']),
  ],
  columns: fieldColumns('date', 'workday', 'note'),
  references: {},
  naturalKey: [{ parts: ['date'] }],
  grid: null,
};
