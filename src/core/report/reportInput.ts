import type { DimensionKey, EvidenceKind, MetricKey } from '../measures/dimensions';
import type { MonthEvaluation } from '../measures/monthEvaluation';
import type { Scheme } from '../scoring/scheme';
import type { MessageText } from '../messages/messageText';

/** One evidence row, already reduced to what fits on paper. */
export interface EvidenceDetail {
  kind: EvidenceKind;
  id: number;
  /** 'YYYY-MM-DD' */
  date: string | null;
  /** 'HH:mm' or 'HH:mm:ss' */
  time: string | null;
  managerCode: string | null;
  managerName: string | null;
  retailerName: string | null;
  retailerLicence: string | null;
  /** The row's own words: journal content, report body, survey verdict, violation, punch place. */
  text: string;
  /** Secondary facts (problems found, inspector, anomaly, …), or null. */
  note: string | null;
  /** How `text` was described (joined by nothing), so a screen says it in its language; absent where text is the row's own words. */
  textParts?: readonly MessageText[];
  /** The parts of `note` (joined by evidence.separator); absent when there is no note. */
  noteParts?: readonly MessageText[];
  /** Reports: the month the report is about, 'YYYY-MM' (a pair of reports is labelled by it). */
  period?: string | null;
  /** Journals and reports: the supervisor's comment from 日志对照. */
  comment?: EvidenceComment | null;
}

export interface EvidenceComment {
  text: string;
  /** Who wrote (last changed) it. */
  by: string;
  /** ISO timestamp */
  at: string;
}

export interface ReportAdjustment {
  managerCode: string;
  dimension: DimensionKey;
  score: number;
  reason: string;
  who: string;
  /** ISO timestamp */
  at: string;
}

/** Everything the report is built from; structurally what the stored month snapshot provides. */
export interface ReportInput {
  month: string;
  status: 'draft' | 'final';
  evaluatedAt: string;
  finalizedAt: string | null;
  finalizedBy: string | null;
  scheme: Scheme;
  /** With the supervisor's adjustments applied. */
  evaluation: MonthEvaluation;
  /** Every adjustment of the month, oldest first. */
  adjustments: readonly ReportAdjustment[];
  /** Details of the evidence rows the flags and near-copy pairs point at. */
  evidence: readonly EvidenceDetail[];
  /** The roster's department of every evaluated manager. */
  departments: readonly (string | null)[];
  /** ISO timestamp of the export. */
  generatedAt: string;
  /** Minutes east of UTC in which stored timestamps are shown (480 for Beijing). */
  utcOffsetMinutes: number;
  /** The audit log's check at export: '审计记录完整…' or where it was broken. */
  audit?: { intact: boolean; message: string };
  /** Who judges (设置 › 常规): printed on the 考核人 line. */
  supervisor?: { name: string; unit: string } | null;
  /** Changes to the month's inputs since a draft was evaluated: the draft is stamped 需重新考评. */
  stale?: readonly { what: string; at: string }[];
  /** The 手工评分 scores the evaluation used, with who entered them. */
  manualScores?: readonly ReportManualScore[];
}

export interface ReportManualScore {
  managerCode: string;
  metric: MetricKey;
  score: number;
  reason: string;
  who: string;
  /** ISO timestamp */
  at: string;
}
