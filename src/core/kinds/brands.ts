import { PRICE_CLASS } from '../import/enums';
import { enumField, field, REQUIRED } from './fieldSpec';
import { bool, date, label, num, text } from './gridColumn';
import type { KindDeclaration } from './kindDeclaration';
import { fieldColumns } from './storedColumn';

export const brandsKind: KindDeclaration = {
  kind: 'brands',
  label: label('品规目录', 'Brand catalogue'),
  table: 'brands',
  fields: [
    field('code', '卷烟编码', 'code', ['卷烟编码', '商品编码', '条码', '品规编码'], REQUIRED),
    field('name', '卷烟名称', 'text', ['卷烟名称', '品规名称', '卷烟规格', '商品名称'], REQUIRED),
    field('brand', '品牌', 'text', ['品牌']),
    enumField('priceClass', '价类', PRICE_CLASS, ['价类']),
    field('wholesalePrice', '批发价', 'number', ['批发价'], { min: 0 }),
    field('retailPrice', '建议零售价', 'number', ['建议零售价', '零售价', '零售指导价'], { min: 0 }),
    field('keyBrand', '重点品牌', 'bool', ['是否重点品牌', '重点品牌']),
    field('newBrand', '新品', 'bool', ['是否新品', '新品']),
    field('launchedOn', '上市日期', 'date', ['上市日期']),
  ],
  columns: fieldColumns('code', 'name', 'brand', 'priceClass', 'wholesalePrice', 'retailPrice', 'keyBrand', 'newBrand', 'launchedOn'),
  references: {},
  naturalKey: [{ parts: ['code'] }],
  rowTitle: ['code', 'name'],
  grid: {
    kind: 'brands',
    label: label('品规', 'Brands'),
    month: null,
    defaultSort: null,
    columns: [
      text('code', label('卷烟编码', 'Brand code'), 'code'),
      text('name', label('卷烟名称', 'Brand name'), 'name'),
      text('brand', label('品牌', 'Brand family'), 'brand'),
      text('priceClass', label('价类', 'Price class'), 'price_class'),
      num('wholesalePrice', label('批发价', 'Wholesale price'), 'wholesale_price', { format: 'money' }),
      num('retailPrice', label('建议零售价', 'Retail price'), 'retail_price', { format: 'money' }),
      bool('keyBrand', label('重点品牌', 'Key brand'), 'key_brand'),
      bool('newBrand', label('新品', 'New'), 'new_brand'),
      date('launchedOn', label('上市日期', 'Launched on'), 'launched_on', { visible: false }),
    ],
  },
};
