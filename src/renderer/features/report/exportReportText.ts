import type { Shape } from '../../i18n/shape';

/** The exportReport screen's text (Chinese); merged into the app's resources under 'exportReport'. */
export const exportReportTextZh = {
  button: '导出考评报表',
  preparing: '正在读取考评结果…',
  steps: {
    charts: '正在绘制图表（{{done}}/{{total}}）',
    sheets: '正在写入工作表（{{done}}/{{total}}）',
    save: '正在保存文件…',
  },
  done: '已导出 {{fileName}}',
  failed: '导出失败：{{message}}',
};

export const exportReportTextEn: Shape<typeof exportReportTextZh> = {
  button: 'Export evaluation report',
  preparing: 'Reading the evaluation…',
  steps: {
    charts: 'Drawing charts ({{done}}/{{total}})',
    sheets: 'Writing sheets ({{done}}/{{total}})',
    save: 'Saving the file…',
  },
  done: 'Exported {{fileName}}',
  failed: 'Export failed: {{message}}',
};
