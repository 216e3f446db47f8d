import type { TaskFn } from './childProtocol';

/**
 * Every task a child can run, loaded on demand so that a child holds only the modules its own
 * workload needs (an exceljs baseline does not pay for kysely, and the other way round).
 */
const TASKS: Record<string, () => Promise<TaskFn>> = {
  noop: async () => (await import('./workloads/noopTask')).noopTask,
  'prepare-demo': async () => (await import('./prepare/prepareDemo')).prepareDemo,
  'prepare-store': async () => (await import('./prepare/prepareStore')).prepareStore,
  'prepare-csv-cut': async () => (await import('./prepare/prepareCsvCut')).prepareCsvCut,
  'prepare-html-cut': async () => (await import('./prepare/prepareHtmlCut')).prepareHtmlCut,
  'prepare-xls-cut': async () => (await import('./prepare/prepareXlsCut')).prepareXlsCut,
  'prepare-postgres-store': async () => (await import('./prepare/preparePostgresStore')).preparePostgresStore,
  'prepare-journal-table': async () => (await import('./prepare/prepareJournalTable')).prepareJournalTable,
  'import-file': async () => (await import('./workloads/importFileTask')).importFileTask,
  'exceljs-stream': async () => (await import('./workloads/exceljsStreamTask')).exceljsStreamTask,
  'exceljs-naive': async () => (await import('./workloads/exceljsNaiveTask')).exceljsNaiveTask,
  'pg-import-file': async () => (await import('./workloads/postgresImportTask')).postgresImportTask,
  'psql-copy': async () => (await import('./workloads/postgresImportTask')).psqlCopyTask,
  'sqlite-cli-import': async () => (await import('./workloads/sqliteCliImportTask')).sqliteCliImportTask,
  evaluate: async () => (await import('./workloads/evaluateTask')).evaluateTask,
  'evaluate-split': async () => (await import('./workloads/evaluateSplitTask')).evaluateSplitTask,
  'near-copy': async () => (await import('./workloads/nearCopyTask')).nearCopyTask,
  'pairwise-sample': async () => (await import('./workloads/nearCopyTask')).pairwiseSampleTask,
  'copy-scan': async () => (await import('./workloads/copyRulesTask')).copyScanTask,
  'copy-rules': async () => (await import('./workloads/copyRulesTask')).copyRulesTask,
  'report-export': async () => (await import('./workloads/reportExportTask')).reportExportTask,
  'grid-page': async () => (await import('./workloads/gridPageTask')).gridPageTask,
};

export async function loadTask(name: string): Promise<TaskFn> {
  const load = TASKS[name];
  if (!load) throw new Error(`unknown bench task ${name}; known: ${Object.keys(TASKS).join(', ')}`);
  return load();
}
