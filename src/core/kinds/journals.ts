import { VIOLATION_TYPE, VISIT_METHOD } from '../import/enums';
import { enumField, field, managerRef, REQUIRED, retailerRef } from './fieldSpec';
import { bool, date, joined, label, longText, managerCode, managerName, retailerLicence, text } from './gridColumn';
import type { KindDeclaration } from './kindDeclaration';
import { fieldColumns, linked } from './storedColumn';

export const journalsKind: KindDeclaration = {
  kind: 'journals',
  label: label('工作日志', 'Work journals'),
  table: 'journals',
  fields: [
    field('date', '日期', 'date', ['日期', '拜访日期', '工作日期'], REQUIRED),
    ...managerRef(),
    ...retailerRef(false),
    field('retailerName', '客户名称', 'text', ['客户名称', '零售户', '零售户名称']),
    field('arrivedAt', '到店时间', 'time', ['到店时间']),
    field('leftAt', '离店时间', 'time', ['离店时间']),
    enumField('method', '拜访方式', VISIT_METHOD, ['拜访方式']),
    field('content', '日志内容', 'text', ['日志内容', '工作内容', '拜访内容', '内容'], REQUIRED),
    field('problems', '发现问题', 'text', ['发现问题', '存在问题']),
    field('actions', '处理情况', 'text', ['处理情况', '处理结果']),
    field('priceMarked', '明码标价', 'bool', ['明码标价']),
    field('displayOk', '陈列规范', 'bool', ['陈列规范', '陈列']),
    enumField('violation', '违规情况', VIOLATION_TYPE, ['违规情况', '市场违规']),
  ],
  columns: {
    ...fieldColumns('date'),
    manager_id: linked('managerId', null),
    retailer_id: linked('retailerId', ['licence', 'customerCode', 'retailerName']),
    retailer_ref: linked('retailerRef', ['licence', 'customerCode']),
    ...fieldColumns('retailerName', 'arrivedAt', 'leftAt', 'method', 'content', 'problems', 'actions', 'priceMarked', 'displayOk', 'violation'),
  },
  // An entry without a licence or customer code may name its retailer in 客户名称.
  references: { manager: 'required', retailer: { byText: 'retailerName' } },
  naturalKey: [{ parts: ['date', { ref: 'manager' }, { ref: 'retailer', orField: 'retailerName' }, 'content'] }],
  grid: {
    kind: 'journals',
    label: label('工作日志', 'Journals'),
    month: { column: 'date', kind: 'date' },
    defaultSort: { field: 'date', sort: 'desc' },
    columns: [
      date('date', label('日期', 'Date'), 'date'),
      managerCode(),
      managerName(),
      joined('retailerName', label('零售户', 'Retailer'), 'r', 'name', 'retailer_name'),
      retailerLicence(),
      text('arrivedAt', label('到店时间', 'Arrived'), 'arrived_at', { visible: false, quick: false }),
      text('leftAt', label('离店时间', 'Left'), 'left_at', { visible: false, quick: false }),
      text('method', label('拜访方式', 'Visit method'), 'method'),
      longText('content', label('日志内容', 'Entry'), 'content'),
      longText('problems', label('发现问题', 'Problems found'), 'problems'),
      longText('actions', label('处理情况', 'Actions taken'), 'actions', { visible: false }),
      bool('priceMarked', label('明码标价', 'Prices marked'), 'price_marked', { visible: false }),
      bool('displayOk', label('陈列规范', 'Display in order'), 'display_ok', { visible: false }),
      text('violation', label('违规情况', 'Violation'), 'violation'),
    ],
  },
};
