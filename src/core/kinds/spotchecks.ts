import { SPOTCHECK_ITEM } from '../import/enums';
import { enumField, field, managerRef, REQUIRED } from './fieldSpec';
import { column, date, label, managerCode, managerName, num, text } from './gridColumn';
import type { KindDeclaration } from './kindDeclaration';
import { fieldColumns, linked } from './storedColumn';

export const spotchecksKind: KindDeclaration = {
  kind: 'spotchecks',
  label: label('市场了解抽查', 'Market spot checks'),
  table: 'spotchecks',
  fields: [
    field('date', '抽查日期', 'date', ['抽查日期', '日期'], REQUIRED),
    ...managerRef(),
    enumField('item', '抽查项目', SPOTCHECK_ITEM, ['抽查项目'], REQUIRED),
    field('subject', '线路/档位', 'text', ['线路', '档位']),
    field('answer', '回答', 'number', ['回答', '回答值', '经理回答'], { required: true, min: 0 }),
  ],
  columns: { ...fieldColumns('date'), manager_id: linked('managerId', null), ...fieldColumns('item', 'subject', 'answer') },
  references: { manager: 'required' },
  naturalKey: [{ parts: ['date', { ref: 'manager' }, 'item', 'subject'] }],
  grid: {
    kind: 'spotchecks',
    label: label('市场了解抽查', 'Spot checks'),
    month: { column: 'date', kind: 'date' },
    defaultSort: { field: 'date', sort: 'desc' },
    columns: [
      date('date', label('抽查日期', 'Checked on'), 'date'),
      managerCode({ visible: false }),
      managerName(),
      column('item', label('抽查项目', 'Question'), 'text', {
        codes: 'item',
        labels: { retailer_count: '辖区零售户数', route_volume: '线路月销量', tier_count: '档位户数' },
      }),
      text('subject', label('线路/档位', 'Route/tier'), 'subject'),
      num('answer', label('回答', 'Answer'), 'answer', { format: 'plain' }),
    ],
  },
};
