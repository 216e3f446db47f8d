import { z } from 'zod';
import type { FileImportReport } from '../importReport';
import { jobIdSchema } from './schemas';

export const appArgs = {
  'app.info': z.object({}),
  /** Writes the demo district and imports it; offered on first start with an empty database. */
  'app.loadDemo': z.object({ jobId: jobIdSchema }),
} as const;

export interface AppInfo {
  version: string;
  databasePath: string;
  /** No manager imported yet: the app offers the demo district. */
  empty: boolean;
  /** Months that have any journal, punch or order, newest first. */
  months: string[];
}

export interface AppReturns {
  'app.info': AppInfo;
  'app.loadDemo': FileImportReport[];
}
