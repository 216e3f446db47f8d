import { z } from 'zod';
import { monthSchema } from './schemas';

const TEXT_KINDS = ['journals', 'reports'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];
const textKindSchema = z.enum(TEXT_KINDS);
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const journalsArgs = {
  /** Every near-copy pair of the month's evaluation (self and cross), most similar first. */
  'journals.pairs': z.object({ month: monthSchema }),
  /**
   * A manager's visit journals of a month (or of one day) by date and time, or the monthly
   * reports of `month` (kind 'reports'; month is the month the report is about).
   */
  'journals.entries': z.object({
    kind: textKindSchema,
    managerCode: z.string().trim().min(1).max(50),
    month: monthSchema,
    date: dateSchema.optional(),
  }),
  /** Entries by id, e.g. both sides of a pair. */
  'journals.byIds': z.object({ kind: textKindSchema, ids: z.array(z.number().int().positive()).min(1).max(500) }),
  /** A supervisor's comment on an entry; an empty text removes it. Shown in the report's evidence. */
  'journals.comment': z.object({ kind: textKindSchema, entryId: z.number().int().positive(), text: z.string().max(2000) }),
  /** The roster with how many journals and monthly reports each manager has in the month, for the pickers. */
  'journals.managers': z.object({ month: monthSchema }),
} as const;

export interface TextEntryDto {
  kind: TextKind;
  id: number;
  managerCode: string;
  managerName: string;
  /** Journals: the visit day; reports: the submission day. */
  date: string | null;
  time: string | null;
  /** Reports: the month the report is about. */
  month: string | null;
  /** Reports: the title. */
  title: string | null;
  retailerName: string | null;
  retailerLicence: string | null;
  text: string;
  /** The supervisor's comment, or null. */
  comment: string | null;
  commentBy: string | null;
  commentAt: string | null;
  /** The month the entry belongs to is finalized (定稿): it takes no comments. */
  locked: boolean;
}

export interface NearCopyPairDto {
  kind: TextKind;
  aId: number;
  bId: number;
  /** Jaccard of character 3-grams, 0–1. */
  similarity: number;
  self: boolean;
  aManager: { code: string; name: string };
  bManager: { code: string; name: string };
  aDate: string | null;
  bDate: string | null;
  /** Journal pairs: the stretches of each text that are district boilerplate (greyed), UTF-16 [start, end). */
  aBoilerplate?: [number, number][];
  bBoilerplate?: [number, number][];
}

/** The month's pairs and whether there is an evaluation to take them from at all. */
export interface NearCopyMonthDto {
  month: string;
  /** 'none': not evaluated yet, so no pairs are known. */
  status: 'none' | 'draft' | 'final';
  pairs: NearCopyPairDto[];
}

export interface CompareManagerDto {
  code: string;
  name: string;
  /** Journal entries in the month. */
  journals: number;
  /** Monthly reports about the month. */
  reports: number;
}

export interface JournalsReturns {
  'journals.pairs': NearCopyMonthDto;
  'journals.entries': TextEntryDto[];
  'journals.byIds': TextEntryDto[];
  'journals.comment': TextEntryDto;
  'journals.managers': CompareManagerDto[];
}
