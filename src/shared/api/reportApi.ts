import { z } from 'zod';
import { jobIdSchema, monthSchema } from './schemas';

export const reportArgs = {
  /** Builds the month's 考评报表 ('job.progress' events) and returns the workbook's bytes. */
  'report.export': z.object({ month: monthSchema, jobId: jobIdSchema }),
} as const;

export interface ReportReturns {
  'report.export': { fileName: string; bytes: Uint8Array };
}
