import { REPORT_KIND } from '../import/enums';
import { enumField, field, MANAGER_CODE_SYNONYMS, oneOf, REQUIRED } from './fieldSpec';
import { date, label, longText, managerCode, managerName, text } from './gridColumn';
import type { KindDeclaration } from './kindDeclaration';
import { fieldColumns, linked } from './storedColumn';
import { textOf } from '../import/records';

export const reportsKind: KindDeclaration = {
  kind: 'reports',
  label: label('周记/月度市场分析报告', 'Weekly/monthly reports'),
  table: 'reports',
  fields: [
    field('managerCode', '工号', 'code', MANAGER_CODE_SYNONYMS, oneOf('manager')),
    field('managerName', '姓名', 'text', ['姓名', '客户经理', '客户经理姓名'], oneOf('manager')),
    field('period', '月份/周次', 'period', ['月份', '年月', '年周', '周次', '报告月份'], REQUIRED),
    enumField('kind', '类型', REPORT_KIND, ['类型', '报告类型']),
    field('title', '标题', 'text', ['标题']),
    field('body', '报告内容', 'text', ['正文', '内容', '报告内容'], REQUIRED),
    field('submittedOn', '提交日期', 'date', ['提交日期', '提交时间']),
  ],
  // Without a 类型 column, a period like 2026-W41 is a weekly 周记, else a 月报.
  completeRecord: ({ data }) => {
    data.kind ??= (textOf(data, 'period') ?? '').includes('-W') ? '周记' : '月报';
  },
  columns: { manager_id: linked('managerId', null), ...fieldColumns('kind', 'period', 'title', 'body', 'submittedOn') },
  references: { manager: 'required' },
  naturalKey: [{ parts: [{ ref: 'manager' }, 'kind', 'period'] }],
  grid: {
    kind: 'reports',
    label: label('周记/月报', 'Reports'),
    month: { column: 'period', kind: 'period' },
    defaultSort: { field: 'period', sort: 'desc' },
    columns: [
      text('period', label('期间', 'Period'), 'period'),
      text('kind', label('类型', 'Type'), 'kind'),
      managerCode({ visible: false }),
      managerName(),
      text('title', label('标题', 'Title'), 'title'),
      longText('body', label('正文', 'Text'), 'body'),
      date('submittedOn', label('提交日期', 'Submitted on'), 'submitted_on'),
    ],
  },
};
