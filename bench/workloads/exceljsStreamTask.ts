import ExcelJS from 'exceljs';
import { startClock, stringParam, type TaskParams, type TaskResult } from '../childProtocol';

/**
 * The floor for reading an xlsx with exceljs: its streaming WorkbookReader, every row's values
 * touched, no parsing into records and no database. Styles are cached so that date cells come
 * out as dates, the same information the importer gets.
 */
export async function exceljsStreamTask(params: TaskParams): Promise<TaskResult> {
  const clock = startClock();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stringParam(params, 'file'), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  let rows = 0;
  let cells = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values;
      if (Array.isArray(values)) for (const value of values) if (value !== undefined && value !== null) cells++;
      rows++;
    }
  }
  const seconds = clock.seconds();
  const cpuSeconds = clock.cpuSeconds();
  return { seconds, cpuSeconds, rows, cells, rowsPerSecond: rows / seconds, rowsPerCpuSecond: rows / cpuSeconds };
}
