import { VIOLATION_TYPE } from '../import/enums';
import { enumField, field, REQUIRED, retailerRef } from './fieldSpec';
import { date, label, longText, retailerLicence, retailerName, text } from './gridColumn';
import type { KindDeclaration } from './kindDeclaration';
import { fieldColumns, linked } from './storedColumn';

export const inspectionsKind: KindDeclaration = {
  kind: 'inspections',
  label: label('专卖市场检查记录', 'Monopoly inspections'),
  table: 'inspections',
  fields: [
    field('date', '检查日期', 'date', ['检查日期', '日期'], REQUIRED),
    ...retailerRef(true),
    enumField('violation', '违规类型', VIOLATION_TYPE, ['违规类型', '案件类型', '检查结果'], REQUIRED),
    field('inspector', '检查人员', 'text', ['检查人员', '专管员']),
    field('notes', '处理结果', 'text', ['处理结果', '备注']),
  ],
  columns: {
    ...fieldColumns('date'),
    retailer_id: linked('retailerId', null),
    retailer_ref: linked('retailerKey', null),
    ...fieldColumns('violation', 'inspector', 'notes'),
  },
  references: { retailer: {} },
  naturalKey: [{ parts: ['date', { ref: 'retailer' }, 'violation'] }],
  grid: {
    kind: 'inspections',
    label: label('专卖检查', 'Inspections'),
    month: { column: 'date', kind: 'date' },
    defaultSort: { field: 'date', sort: 'desc' },
    columns: [
      date('date', label('检查日期', 'Inspected on'), 'date'),
      retailerLicence(),
      retailerName(),
      text('violation', label('违规类型', 'Violation'), 'violation'),
      text('inspector', label('检查人员', 'Inspector'), 'inspector'),
      longText('notes', label('处理结果', 'Outcome'), 'notes'),
    ],
  },
};
