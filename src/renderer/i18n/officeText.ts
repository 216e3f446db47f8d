import type { Shape } from './shape';

/** Office habits (exports from grids, shortcuts, drill-down links); merged into the app's resources under 'office'. */
export const officeTextZh = {
  export: {
    button: '导出 Excel',
    tip: '按当前的筛选、排序和显示的列导出为 .xlsx',
    preparing: '正在读取…',
    progress: '已写入 {{done}} / {{total}} 行',
    cancel: '取消',
    done: '已导出 {{fileName}}（{{rows}} 行）',
    failed: '导出失败：{{message}}',
  },
  drill: {
    filtered: '只显示：{{what}}',
    clear: '显示全部',
    goEvaluate: '去考评',
    notEvaluatedHint: '{{month}} 的数据已导入，还没有考评',
    scorecard: '查看考评卡',
    flagsTip: '点击查看异常及证据',
  },
};

export const officeTextEn: Shape<typeof officeTextZh> = {
  export: {
    button: 'Export to Excel',
    tip: 'Export the rows as filtered and sorted, with the visible columns, as .xlsx',
    preparing: 'Reading…',
    progress: '{{done}} / {{total}} rows written',
    cancel: 'Cancel',
    done: 'Exported {{fileName}} ({{rows}} rows)',
    failed: 'Export failed: {{message}}',
  },
  drill: {
    filtered: 'Showing only: {{what}}',
    clear: 'Show all',
    goEvaluate: 'Evaluate',
    notEvaluatedHint: '{{month}} is imported but not evaluated yet',
    scorecard: 'Open scorecard',
    flagsTip: 'Click to see the flags and their evidence',
  },
};
