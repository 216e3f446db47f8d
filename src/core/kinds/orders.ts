import { field, oneOf, REQUIRED, retailerRef } from './fieldSpec';
import { date, joined, label, num, retailerLicence, retailerName, text } from './gridColumn';
import type { KindDeclaration } from './kindDeclaration';
import { fieldColumns, linked } from './storedColumn';

export const ordersKind: KindDeclaration = {
  kind: 'orders',
  label: label('订单明细', 'Order lines'),
  table: 'orders',
  fields: [
    field('date', '订货日期', 'date', ['订单日期', '订货日期', '日期'], REQUIRED),
    ...retailerRef(true),
    field('brandCode', '卷烟编码', 'code', ['卷烟编码', '商品编码'], oneOf('brand')),
    // The marketing system's order export names the brand in 商品名称.
    field('brandName', '卷烟名称', 'text', ['卷烟名称', '卷烟规格', '品规', '商品名称'], oneOf('brand')),
    field('demand', '需求量', 'number', ['需求量'], { volume: true }),
    // Negative quantities are returns (退货/冲红) and stay negative.
    field('quantity', '订购量', 'number', ['订购量', '订货量', '销量', '数量'], { required: true, volume: true }),
    field('supplied', '供货量', 'number', ['供货量'], { volume: true }),
    field('wholesalePrice', '批发价', 'number', ['批发价'], { min: 0 }),
    field('amount', '金额', 'number', ['金额']),
    field('retailPrice', '建议零售价', 'number', ['建议零售价', '零售价', '零售指导价'], { min: 0 }),
    field('orderNo', '订单编号', 'code', ['订单编号', '订单号']),
  ],
  columns: {
    ...fieldColumns('date'),
    retailer_id: linked('retailerId', null),
    retailer_ref: linked('retailerKey', null),
    brand_id: linked('brandId', null),
    brand_code: linked('brandCode', ['brandCode']),
    ...fieldColumns('brandName', 'demand', 'quantity', 'supplied', 'wholesalePrice', 'amount', 'retailPrice', 'orderNo'),
  },
  references: { retailer: {}, brand: true },
  naturalKey: [{ parts: ['date', { ref: 'retailer' }, { ref: 'brand' }] }],
  grid: {
    kind: 'orders',
    label: label('订单', 'Orders'),
    month: { column: 'date', kind: 'date' },
    defaultSort: { field: 'date', sort: 'desc' },
    columns: [
      date('date', label('日期', 'Date'), 'date'),
      retailerLicence(),
      retailerName(),
      text('brandCode', label('卷烟编码', 'Brand code'), 'brand_code'),
      joined('brandName', label('卷烟名称', 'Brand name'), 'b', 'name', 'brand_name'),
      num('demand', label('需求量', 'Demand'), 'demand', { visible: false, format: 'quantity' }),
      num('quantity', label('订购量', 'Ordered'), 'quantity', { format: 'quantity' }),
      num('supplied', label('供货量', 'Supplied'), 'supplied', { visible: false, format: 'quantity' }),
      num('wholesalePrice', label('批发价', 'Wholesale price'), 'wholesale_price', { format: 'money' }),
      num('amount', label('金额', 'Amount'), 'amount', { format: 'money' }),
      num('retailPrice', label('建议零售价', 'Retail price'), 'retail_price', { visible: false, format: 'money' }),
      text('orderNo', label('订单编号', 'Order no.'), 'order_no', { visible: false }),
    ],
  },
};
