import { z } from 'zod';
import type { FileImportReport } from '../importReport';
import { jobIdSchema, kindSchema, manualMappingSchema, monthSchema, uploadedFileSchema, type KindKey } from './schemas';

export const importArgs = {
  /** Reads the head of a file: its kind, header row, column mapping and first rows; writes nothing. */
  'import.preview': uploadedFileSchema,
  /** Imports files (in dependency order), each in one transaction; progress as 'import.progress' events. */
  'import.run': z.object({
    jobId: jobIdSchema,
    files: z.array(uploadedFileSchema.extend({ asOfMonth: monthSchema.optional() })).min(1).max(100),
    skipInvalid: z.boolean().default(false),
    asOfMonth: monthSchema.optional(),
    /** The district (营销部) to import into, by name; needed when the store has several (import.districts). */
    district: z.string().trim().min(1).max(100).optional(),
  }),
  /**
   * A dry run of the files as one import would take them: per file its counts and changed values
   * (old → new), the month a retailer file speaks for; nothing is written.
   */
  'import.check': z.object({
    files: z.array(uploadedFileSchema.extend({ asOfMonth: monthSchema.optional() })).min(1).max(100),
    district: z.string().trim().min(1).max(100).optional(),
  }),
  'import.cancel': z.object({ jobId: jobIdSchema }),
  'import.batches': z.object({}),
  'import.undo': z.object({ batchId: z.number().int().positive() }),
  /** A hand mapping kept by name and applied to later files with the same headers. */
  'import.saveMapping': z.object({
    name: z.string().trim().min(1).max(100),
    kind: kindSchema,
    headers: z.array(z.string().max(500)).max(16384),
    mapping: manualMappingSchema,
  }),
  'import.mappings': z.object({}),
  /** The store's districts (营销部); the import step asks for one when there are several. */
  'import.districts': z.object({}),
  /** The errors of a refused file as an .xlsx the user can open next to the file. */
  'import.errorsWorkbook': z.object({
    file: z.string().max(500),
    errors: z
      .array(
        z.object({
          file: z.string(),
          sheet: z.string().nullable(),
          row: z.number().nullable(),
          column: z.string().nullable(),
          columnLetter: z.string().nullable(),
          value: z.string().nullable(),
          reason: z.string(),
        }),
      )
      .max(100_000),
  }),
} as const;

export interface FieldInfo {
  key: string;
  label: string;
  required: boolean;
  /** Fields of one group: any one of them satisfies the requirement. */
  requiredGroup: string | null;
}

export interface KindCandidateInfo {
  kind: KindKey;
  label: string;
  confidence: number;
}

export interface FilePreview {
  fileName: string;
  /** What the file is by its content, whatever its name says (a .xls may be an HTML table). */
  format: 'xlsx' | 'csv' | 'xls' | 'html' | null;
  encoding: string | null;
  /** Set when the file cannot be read at all (not a spreadsheet, encrypted, too large, …). */
  refusal: string | null;
  kind: KindKey | null;
  kindLabel: string | null;
  candidates: KindCandidateInfo[];
  sheet: string | null;
  headerRow: number | null;
  headers: string[];
  mapped: { field: string; label: string; column: number; header: string }[];
  unmapped: { column: number; header: string }[];
  missingRequired: { key: string; label: string }[];
  /** Every field of the recognised kind, for mapping columns by hand. */
  fields: FieldInfo[];
  /** The first data rows below the header, as displayed text. */
  rows: string[][];
  /** The saved mapping that was applied automatically, if any. */
  appliedMapping: string | null;
  /** Cells of `rows` the import would refuse: row and column indexes into `rows`, and why (Chinese). */
  cellErrors?: { row: number; column: number; reason: string }[];
  /** Set when the kind was recognised but is unclear: the file is not imported until the user chooses. */
  unclear: UnclearKindInfo | null;
  /** How the sheet is read when it is not one row per record (DingTalk 每日统计, 打卡时间), in Chinese. */
  shapeNote: string | null;
}

export interface UnclearKindInfo {
  reason: 'noFit' | 'ambiguous';
  /** The kinds the file might be, with the Chinese header names each lacks. */
  candidates: { kind: KindKey; label: string; missing: string[] }[];
}

export interface BatchInfo {
  id: number;
  fileName: string;
  kind: string;
  kindLabel: string;
  sheet: string | null;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  unlinked: number;
  status: 'committed' | 'undone';
  importedAt: string;
  /** Who imported (the supervisor, --by or KAOPING_USER); null for batches from before it was kept. */
  importedBy: string | null;
  undoneAt: string | null;
}

export interface SavedMappingInfo {
  name: string;
  kind: KindKey;
  headers: string[];
  mapping: Record<string, number>;
}

export interface ImportReturns {
  'import.preview': FilePreview;
  'import.run': FileImportReport[];
  'import.check': FileImportReport[];
  'import.cancel': { cancelled: boolean };
  'import.batches': BatchInfo[];
  'import.undo': { batchId: number; deleted: number; restored: number };
  'import.saveMapping': SavedMappingInfo;
  'import.mappings': SavedMappingInfo[];
  'import.districts': { id: number; name: string }[];
  'import.errorsWorkbook': { fileName: string; bytes: Uint8Array };
}
