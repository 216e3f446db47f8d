import { z } from 'zod';
import { jobIdSchema, monthSchema } from './schemas';

/** The district (营销部, by name) a reviewer or admin exports in a store with several; a supervisor exports their own. */
const districtChoiceSchema = z.string().trim().min(1).max(100).optional();

export const reportArgs = {
  /** Builds the month's 考评报表 ('job.progress' events) and returns the workbook's bytes. */
  'report.export': z.object({ month: monthSchema, jobId: jobIdSchema, district: districtChoiceSchema }),
  /** The scorecards of the chosen managers in one workbook, a print-ready sheet each ('job.progress' events). */
  'report.scorecards': z.object({ month: monthSchema, managerCodes: z.array(z.string().min(1).max(50)).min(1).max(500), jobId: jobIdSchema, district: districtChoiceSchema }),
} as const;

export interface ReportReturns {
  'report.export': { fileName: string; bytes: Uint8Array };
  'report.scorecards': { fileName: string; bytes: Uint8Array };
}
