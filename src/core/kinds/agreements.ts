import { field, REQUIRED, retailerRef } from './fieldSpec';
import { label, num, retailerLicence, retailerName, text } from './gridColumn';
import type { KindDeclaration } from './kindDeclaration';
import { fieldColumns, linked } from './storedColumn';

export const agreementsKind: KindDeclaration = {
  kind: 'agreements',
  label: label('协议量', 'Agreed volumes'),
  table: 'agreements',
  fields: [
    field('month', '协议月份', 'month', ['月份', '协议月份'], REQUIRED),
    ...retailerRef(true),
    field('agreed', '协议量', 'number', ['协议量', '约定量', '协议订购量'], { required: true, volume: true, min: 0 }),
    field('brandCode', '卷烟编码', 'code', ['卷烟编码']),
  ],
  columns: {
    ...fieldColumns('month'),
    retailer_id: linked('retailerId', null),
    retailer_ref: linked('retailerKey', null),
    ...fieldColumns('brandCode', 'agreed'),
  },
  references: { retailer: {} },
  naturalKey: [{ parts: ['month', { ref: 'retailer' }, 'brandCode'] }],
  grid: {
    kind: 'agreements',
    label: label('协议量', 'Agreements'),
    month: { column: 'month', kind: 'month' },
    defaultSort: { field: 'month', sort: 'desc' },
    columns: [
      text('month', label('月份', 'Month'), 'month'),
      retailerLicence(),
      retailerName(),
      text('brandCode', label('卷烟编码', 'Brand code'), 'brand_code'),
      num('agreed', label('协议量', 'Agreed'), 'agreed', { format: 'quantity' }),
    ],
  },
};
