import { FileRefusedError } from './fileRefusedError';

/** The readers' refusals, one constructor per situation so that wording stays consistent. */

function quoted(fileName: string): string {
  return `文件「${fileName}」`;
}

function sheetPart(sheet: string | undefined): string {
  return sheet === undefined ? '' : `的工作表「${sheet}」`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(bytes % 1024 ** 3 === 0 ? 0 : 1)} GB`;
  return `${Math.round(bytes / 1024 ** 2)} MB`;
}

export const refuse = {
  notFound(fileName: string, cause?: unknown): FileRefusedError {
    return new FileRefusedError(
      'not_found',
      fileName,
      `找不到${quoted(fileName)}，请确认文件没有被移动、改名或删除后重新选择。`,
      { cause },
    );
  },

  emptyFile(fileName: string): FileRefusedError {
    return new FileRefusedError(
      'empty',
      fileName,
      `${quoted(fileName)}是空的（没有任何数据），请确认导出是否完整后重新导出。`,
    );
  },

  encrypted(fileName: string): FileRefusedError {
    return new FileRefusedError(
      'encrypted',
      fileName,
      `${quoted(fileName)}已加密（设置了打开密码），请先在 Excel/WPS 中取消密码并保存，再导入。`,
    );
  },

  notSpreadsheet(fileName: string, what?: string, advice?: string): FileRefusedError {
    const detail = what === undefined ? '不是 Excel 表格（.xlsx）或 CSV 文件' : `是${/^[A-Za-z]/.test(what) ? ' ' : ''}${what}，不是 Excel 表格`;
    return new FileRefusedError(
      'not_spreadsheet',
      fileName,
      `${quoted(fileName)}${detail}，无法导入。${advice ?? '请选择 .xlsx 或 .csv 格式的数据文件。'}`,
    );
  },

  tooLarge(fileName: string, limitBytes: number, sheet?: string): FileRefusedError {
    return new FileRefusedError(
      'too_large',
      fileName,
      `${quoted(fileName)}${sheetPart(sheet)}解压后超过 ${formatBytes(limitBytes)}，数据量过大或文件异常。请按月份或片区拆分成几个文件后再导入。`,
      sheet === undefined ? {} : { sheet },
    );
  },

  /** .xls and HTML tables are read whole, so their size is capped before reading. */
  tooLargeToRead(fileName: string, limitBytes: number, what: string): FileRefusedError {
    return new FileRefusedError(
      'too_large',
      fileName,
      `${quoted(fileName)}是${what}，大小超过 ${formatBytes(limitBytes)}，无法直接读取。请在 Excel/WPS 中另存为 .xlsx，或按月份、片区拆分后再导入。`,
    );
  },

  /** An HTML export in which no table has a header row and data below it. */
  noUsableHtmlTable(fileName: string): FileRefusedError {
    return refuse.notSpreadsheet(fileName, '网页（HTML）或 XML 格式的导出文件', '请在 Excel/WPS 中打开它，另存为 .xlsx 后再导入。');
  },

  tooManyRows(fileName: string, maxRows: number, sheet?: string): FileRefusedError {
    return new FileRefusedError(
      'too_many_rows',
      fileName,
      `${quoted(fileName)}${sheetPart(sheet)}超过 ${maxRows.toLocaleString('en-US')} 行，请按月份或片区拆分成几个文件后再导入。`,
      sheet === undefined ? {} : { sheet },
    );
  },

  unreadable(fileName: string, reason?: string, cause?: unknown, sheet?: string): FileRefusedError {
    return new FileRefusedError(
      'unreadable',
      fileName,
      `无法读取${quoted(fileName)}${sheetPart(sheet)}${reason === undefined ? '：文件可能已损坏或没有下载完整' : `：${reason}`}。请重新导出或下载后再试。`,
      sheet === undefined ? { cause } : { cause, sheet },
    );
  },
};
