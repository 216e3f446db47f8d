import { z } from 'zod';
import { jobIdSchema, monthSchema } from './schemas';

const managerCodeSchema = z.string().trim().min(1).max(50);
/** The district (营销部, by name) a reviewer or admin reads in a store with several; a supervisor reads their own. */
const districtChoiceSchema = z.string().trim().min(1).max(100).optional();
const EVIDENCE_KINDS = ['attendance', 'journals', 'reports', 'surveys', 'inspections', 'orders', 'retailers', 'calendar'] as const;
export type EvidenceKindName = (typeof EVIDENCE_KINDS)[number];
const evidenceRefSchema = z.object({ kind: z.enum(EVIDENCE_KINDS), id: z.number().int().positive() });

export const evaluationArgs = {
  /** The month's stored evaluation (with adjustments applied), or null before the first run. */
  'evaluation.get': z.object({ month: monthSchema, district: districtChoiceSchema }),
  /** Evaluates the month from the stored data ('job.progress' events); a finalized month comes back unchanged. */
  'evaluation.run': z.object({ month: monthSchema, jobId: jobIdSchema, schemeName: z.string().trim().min(1).max(100).optional() }),
  /** Sets one dimension score by hand; an empty reason is refused (invalid_adjustment). */
  'evaluation.adjust': z.object({
    month: monthSchema,
    managerCode: managerCodeSchema,
    dimension: z.string().min(1).max(40),
    score: z.number().min(0).max(100),
    reason: z.string().max(1000),
  }),
  /** Takes back the manager's last adjustment of a draft month; the reason is mandatory and audited. */
  'evaluation.undoAdjustment': z.object({ month: monthSchema, managerCode: managerCodeSchema, reason: z.string().max(1000) }),
  /** A 手工评分 metric's score (0–100, reason required, audited); the month is then stale until 重新考评. */
  'evaluation.setManualScore': z.object({
    month: monthSchema,
    managerCode: managerCodeSchema,
    metric: z.string().min(1).max(40),
    value: z.number().min(0).max(100),
    reason: z.string().max(1000),
  }),
  /** 定稿: freezes the month; adjustments and re-evaluation are refused until it is reopened. */
  'evaluation.finalize': z.object({ month: monthSchema }),
  'evaluation.reopen': z.object({ month: monthSchema, reason: z.string().max(1000) }),
  /** One manager's metrics with district values, rules and sub-scores, flags and audit trail. */
  'evaluation.scorecard': z.object({ month: monthSchema, managerCode: managerCodeSchema, district: districtChoiceSchema }),
  /** The rows a flag or a metric points at, reduced to what a supervisor reads. */
  'evaluation.evidence': z.object({ refs: z.array(evidenceRefSchema).max(5000) }),
  /** A manager's month of punches (with coordinates), absences and the work calendar. */
  'evaluation.attendance': z.object({ month: monthSchema, managerCode: managerCodeSchema }),
} as const;

/** The steps of 'evaluation.run', in order; 'job.progress' carries one of these as its step. */
export const EVALUATION_STEPS = ['load', 'compute', 'save'] as const;
export type EvaluationStep = (typeof EVALUATION_STEPS)[number];

export interface EvidenceRefDto {
  kind: EvidenceKindName;
  id: number;
}

/** A sentence as a code and parameters that the renderer says in the UI's language (core/messages). */
export interface MessageTextDto {
  code: string;
  params: Record<string, string | number | ReadonlyArray<readonly [string, string | number]>>;
}

export interface FlagDto {
  type: string;
  /** The flag type in Chinese, e.g. 日志雷同（跨人）. */
  label: string;
  managerCode: string;
  /** The Chinese sentence the report prints; shown as it is when `text` is missing (flags stored before codes). */
  message: string;
  text?: MessageTextDto;
  evidence: EvidenceRefDto[];
  pairs?: { aId: number; bId: number; similarity: number }[];
  date?: string;
}

export interface DimensionScoreDto {
  /** 0–100, one decimal; null: 无数据. */
  score: number | null;
  weight: number;
  /** Set when a supervisor adjusted the score: what the scheme computed. */
  computedScore?: number | null;
}

export interface ManagerRowDto {
  code: string;
  name: string;
  rank: number | null;
  total: number | null;
  grade: string | null;
  veto: { reason: string; text?: MessageTextDto; evidence: EvidenceRefDto[] } | null;
  /** By dimension key (sales, attendance, records, knowledge, brand, order, fulfilment, evaluation). */
  dimensions: Record<string, DimensionScoreDto>;
  flagCount: number;
  /** 数据不足，不评等级: the dimensions without data when those with data weigh less than half; null otherwise. */
  insufficient: string[] | null;
  /** 手工评分 metrics still without a score (待评分). */
  pendingManual: string[];
}

/** A change to the month's inputs since it was evaluated: what changed and when (ISO). */
export interface StaleReasonDto {
  kind: 'import' | 'undo' | 'calendar' | 'scheme' | 'manual_score';
  what: string;
  at: string;
}

export interface MonthEvaluationDto {
  month: string;
  /** Non-empty: the inputs changed since the evaluation (需重新考评); 定稿 is refused until it is run again. */
  stale: StaleReasonDto[];
  /** The scheme 重新考评 would use now: the month's scheme in its newest version. */
  nextScheme: { name: string; version: number } | null;
  status: 'draft' | 'final';
  /** ISO timestamps. */
  evaluatedAt: string;
  finalizedAt: string | null;
  finalizedBy: string | null;
  scheme: { name: string; version: number };
  /** The scheme's grade labels, best first (e.g. 优秀, 良好, 合格, 不合格): the order grades are coloured in. */
  grades: string[];
  workdays: number;
  managers: ManagerRowDto[];
  /** Mean dimension score over the managers that have one, by dimension key. */
  districtAverages: Record<string, number | null>;
  nearCopyPairCount: number;
}

export interface MetricRowDto {
  dimension: string;
  metric: string;
  /** Chinese label and unit, e.g. 出勤率 / %. */
  label: string;
  unit: string;
  /** How the value reads: percent (0.85 → 85.0%), count, score (one decimal), hours, yesno (0/1 → 否/是). */
  format: 'percent' | 'count' | 'score' | 'hours' | 'yesno' | 'quantity';
  value: number | null;
  districtValue: number | null;
  /** The rule in words, e.g. 线性：80 → 0 分，100 → 100 分. */
  rule: string;
  /** The rule as a code and parameters, for the UI's language. */
  ruleText?: MessageTextDto;
  /** null: the scheme does not score the metric (shown for reference only). */
  ruleType: 'linear' | 'district' | 'rank' | 'manual' | null;
  /** Share of the dimension's metric weights in percent (the weights as a supervisor set them, normalised); null when not scored. */
  weight: number | null;
  /** 0–100, one decimal; null when it cannot be scored. */
  score: number | null;
  /** The flags of this manager about this metric (indexes into the scorecard's flags). */
  flagIndexes: number[];
  /** A 手工评分 metric without a score (待评分). */
  pendingManual: boolean;
}

export interface AuditEntryDto {
  /** ISO timestamp. */
  at: string;
  who: string;
  action: 'adjust' | 'finalize' | 'reopen' | 'manual';
  /** One line in Chinese: what changed, from what to what, and why. */
  summary: string;
  reason: string | null;
  /** adjust only: the dimension key, the score before (null: 无数据) and after. */
  dimension: string | null;
  oldScore: number | null;
  newScore: number | null;
}

export interface ScorecardDto {
  month: string;
  status: 'draft' | 'final';
  /** As MonthEvaluationDto.stale. */
  stale: StaleReasonDto[];
  manager: ManagerRowDto;
  /** Managers evaluated in the month (the rank's denominator). */
  managerCount: number;
  districtAverages: Record<string, number | null>;
  metrics: MetricRowDto[];
  flags: FlagDto[];
  /** The month's adjustments of this manager, oldest first. */
  audit: AuditEntryDto[];
  /** The month's 定稿 and 重新打开, oldest first. */
  monthHistory: AuditEntryDto[];
}

export interface EvidenceDto {
  kind: EvidenceKindName;
  id: number;
  date: string | null;
  time: string | null;
  managerCode: string | null;
  managerName: string | null;
  retailerName: string | null;
  retailerLicence: string | null;
  text: string;
  note: string | null;
  /** How text and note were described (codes, as flags carry them); absent for the row's own words and rows of older builds. */
  textParts?: readonly MessageTextDto[];
  noteParts?: readonly MessageTextDto[];
  /** Punches only: where it was made. */
  lat?: number | null;
  lng?: number | null;
}

export interface PunchDto {
  id: number;
  date: string;
  /** 'HH:mm:ss' local wall clock, or null for an absence row. */
  time: string | null;
  /** Hours since midnight (for plotting), or null. */
  hour: number | null;
  lat: number | null;
  lng: number | null;
  place: string | null;
  retailerName: string | null;
  /** 打卡结果 / 异常, e.g. 正常, 缺卡, 外勤. */
  result: string | null;
  /** One of the manager's flags of the month points at this punch; false before the month is evaluated. */
  flagged: boolean;
}

export interface CalendarDayDto {
  date: string;
  workday: boolean;
  /** workday, weekend (a Saturday or Sunday off), holiday (any other day off), makeup (调休上班: a weekend workday). */
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup';
  /** 周末, 国庆节, 调休上班（国庆节） … */
  note: string | null;
  /** An imported or edited calendar decided differently from the shipped one (Monday–Friday plus the published holidays). */
  overridden: boolean;
}

export interface AttendanceMonthDto {
  month: string;
  managerCode: string;
  managerName: string;
  days: CalendarDayDto[];
  punches: PunchDto[];
  /** Workdays without any punch. */
  absentDays: string[];
}

export interface EvaluationReturns {
  'evaluation.get': MonthEvaluationDto | null;
  'evaluation.run': MonthEvaluationDto;
  'evaluation.adjust': MonthEvaluationDto;
  'evaluation.undoAdjustment': MonthEvaluationDto;
  'evaluation.finalize': MonthEvaluationDto;
  'evaluation.reopen': MonthEvaluationDto;
  'evaluation.setManualScore': ScorecardDto;
  'evaluation.scorecard': ScorecardDto;
  'evaluation.evidence': EvidenceDto[];
  'evaluation.attendance': AttendanceMonthDto;
}
