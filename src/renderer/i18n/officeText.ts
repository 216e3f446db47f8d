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
  importSummary: {
    file: '文件',
    kind: '数据类型',
    rows: '行数',
    state: '状态',
    states: {
      previewing: '正在读取',
      unreadable: '无法读取',
      unknownKind: '未识别类型',
      missingColumns: '缺少必填列',
      ready: '待导入',
      imported: '已导入',
      refused: '已拒绝',
      cancelled: '已取消',
    },
  },
  scorecards: {
    button: '导出所选考评卡（{{count}}）',
    hint: '先在表格左侧勾选客户经理',
    done: '已导出 {{fileName}}（{{count}} 人）',
    failed: '导出考评卡失败：{{message}}',
  },
  undo: {
    button: '撤销最后一次调整',
    title: '撤销最后一次调整',
    help: '该客户经理本月最后一次调整将被撤销，得分恢复为调整前的值；撤销及原因记入操作日志。',
    reason: '撤销原因',
    reasonRequired: '请填写撤销原因',
    ok: '撤销',
    done: '已撤销最后一次调整',
  },
  shortcuts: {
    title: '快捷键',
    help: '在任何页面按 ? 打开本列表',
    keys: {
      help: '显示快捷键',
      close: '关闭对话框或抽屉',
      pairs: '日志对照：上一对 / 下一对（两人对照中换一天）',
      panes: '日志对照：切换左右栏',
    },
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
  importSummary: {
    file: 'File',
    kind: 'Kind',
    rows: 'Rows',
    state: 'State',
    states: {
      previewing: 'Reading',
      unreadable: 'Cannot be read',
      unknownKind: 'Kind not recognised',
      missingColumns: 'Required columns missing',
      ready: 'Ready',
      imported: 'Imported',
      refused: 'Refused',
      cancelled: 'Cancelled',
    },
  },
  scorecards: {
    button: 'Export selected scorecards ({{count}})',
    hint: 'Tick managers in the table first',
    done: 'Exported {{fileName}} ({{count}} managers)',
    failed: 'Scorecard export failed: {{message}}',
  },
  undo: {
    button: 'Undo last adjustment',
    title: 'Undo the last adjustment',
    help: "The manager's last adjustment this month is taken back and the score returns to what it was; the undo and its reason are audited.",
    reason: 'Reason',
    reasonRequired: 'Please give a reason',
    ok: 'Undo',
    done: 'The last adjustment was undone',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    help: 'Press ? on any screen to open this list',
    keys: {
      help: 'Show the shortcuts',
      close: 'Close a dialog or drawer',
      pairs: 'Journals: previous / next pair (next date in two-manager view)',
      panes: 'Journals: switch panes',
    },
  },
};
