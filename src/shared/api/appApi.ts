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
  /** The audit log's hash chain, checked when the app starts (kaoping audit verify). */
  audit: AuditCheck;
}

/** The audit chain's state: intact, or the first row that does not hold. */
export interface AuditCheck {
  intact: boolean;
  rows: number;
  /** The id of the first broken row (or of the first missing one). */
  brokenAt: number | null;
  /** '审计记录完整（共 N 条）' or '审计记录不完整：第 N 条…', shown as it is. */
  message: string;
}

export interface AppReturns {
  'app.info': AppInfo;
  'app.loadDemo': FileImportReport[];
}
