import { z } from 'zod';
import type { FileImportReport } from '../importReport';
import { jobIdSchema } from './schemas';

export const appArgs = {
  'app.info': z.object({}),
  /** Writes the demo district and imports it; offered on first start with an empty database. */
  'app.loadDemo': z.object({ jobId: jobIdSchema }),
  /** 设置 › 常规: the supervisor's name and unit (audited); asked on first start. */
  'app.setSupervisor': z.object({ name: z.string().trim().min(1).max(50), unit: z.string().trim().max(100) }),
} as const;

/** Who judges: signs adjustments, 定稿, comments and the report's 考核人 line. */
export interface SupervisorDto {
  name: string;
  unit: string;
}

export interface AppInfo {
  version: string;
  databasePath: string;
  /** No manager imported yet: the app offers the demo district. */
  empty: boolean;
  /** Months that have any journal, punch or order, newest first. */
  months: string[];
  /** Null until the supervisor has said who they are (the app asks on first start). */
  supervisor: SupervisorDto | null;
  /** The audit log's hash chain, checked when the app starts (kaoping audit verify). */
  audit: AuditCheck;
  /** How many districts (营销部) the store holds; the 市公司 page is offered from two on. */
  districts?: number;
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
  'app.setSupervisor': SupervisorDto;
}
