import { MARKET_TYPE, RETAILER_FORMAT, RETAILER_STATUS } from '../import/enums';
import { CUSTOMER_CODE_SYNONYMS, enumField, field, LICENCE_SYNONYMS, REQUIRED } from './fieldSpec';
import { label, num, text } from './gridColumn';
import type { KindDeclaration } from './kindDeclaration';
import { fieldColumns, linked } from './storedColumn';

export const retailersKind: KindDeclaration = {
  kind: 'retailers',
  label: label('零售客户档案', 'Retailers'),
  table: 'retailers',
  fields: [
    field('licence', '许可证号', 'code', LICENCE_SYNONYMS, { required: true, licence: true }),
    field('customerCode', '客户编码', 'code', CUSTOMER_CODE_SYNONYMS),
    field('name', '客户名称', 'text', ['客户名称', '零售户名称', '店名', '商户名称'], REQUIRED),
    field('owner', '负责人', 'text', ['负责人', '经营者', '业主']),
    field('phone', '电话', 'text', ['电话', '联系电话']),
    field('address', '经营地址', 'text', ['经营地址', '地址']),
    field('longitude', '经度', 'number', ['经度'], { min: -180, max: 180 }),
    field('latitude', '纬度', 'number', ['纬度'], { min: -90, max: 90 }),
    enumField('format', '业态', RETAILER_FORMAT, ['业态']),
    enumField('market', '市场类型', MARKET_TYPE, ['市场类型', '城乡', '城乡分类']),
    field('tier', '档位', 'int', ['档位', '客户档位'], { min: 1, max: 30 }),
    field('route', '送货线路', 'text', ['送货线路', '线路', '服务线路']),
    field('managerCode', '客户经理工号', 'code', ['客户经理工号', '工号']),
    field('managerName', '客户经理', 'text', ['客户经理', '客户经理姓名']),
    enumField('status', '状态', RETAILER_STATUS, ['状态']),
    // The day the row's manager takes the retailer over, when not the 1st of the file's month.
    field('assignedFrom', '生效日期', 'date', ['生效日期', '分配日期', '划转日期', '变更日期']),
  ],
  columns: {
    ...fieldColumns('licence', 'customerCode', 'name', 'owner', 'phone', 'address', 'longitude', 'latitude', 'format', 'market', 'tier', 'route'),
    manager_code: linked('managerCode', ['managerCode', 'managerName', 'route']),
    manager_name: linked('managerName', ['managerCode', 'managerName', 'route']),
    ...fieldColumns('status'),
  },
  references: { manager: 'assigns' },
  naturalKey: [{ parts: ['licence'] }],
  rowTitle: ['licence', 'name'],
  grid: {
    kind: 'retailers',
    label: label('零售户', 'Retailers'),
    month: null,
    defaultSort: null,
    columns: [
      text('licence', label('许可证号', 'Licence no.'), 'licence'),
      text('customerCode', label('客户编码', 'Customer code'), 'customer_code', { visible: false }),
      text('name', label('零售户', 'Retailer'), 'name'),
      text('owner', label('负责人', 'Owner'), 'owner'),
      text('phone', label('电话', 'Phone'), 'phone', { visible: false }),
      text('address', label('经营地址', 'Address'), 'address'),
      text('format', label('业态', 'Format'), 'format'),
      text('market', label('市场类型', 'Market'), 'market'),
      num('tier', label('档位', 'Tier'), 'tier', { format: 'plain' }),
      text('route', label('送货线路', 'Delivery route'), 'route'),
      text('managerCode', label('客户经理工号', 'Manager no.'), 'manager_code', { visible: false }),
      text('managerName', label('客户经理', 'Manager'), 'manager_name'),
      num('longitude', label('经度', 'Longitude'), 'longitude', { visible: false, format: 'coordinate' }),
      num('latitude', label('纬度', 'Latitude'), 'latitude', { visible: false, format: 'coordinate' }),
      text('status', label('状态', 'Status'), 'status'),
    ],
  },
};
