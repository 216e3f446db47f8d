import type { MarkedRun } from '../similarity/markRuns';
import type { EChartsOption } from 'echarts';
import type { NumberKind } from '../format/numberFormat';
import type { FlagType } from '../measures/dimensions';

/**
 * How a number is shown (core/format/numberFormat): rates as percent with one decimal, scores and
 * hours with one decimal, counts whole with thousands separators, quantities (条) with separators
 * and decimals only when they have them.
 */
export type NumberFormat = Extract<NumberKind, 'percent' | 'score' | 'count' | 'hours' | 'quantity'>;

export type ReportValue =
  | { kind: 'number'; value: number; format: NumberFormat }
  | { kind: 'text'; text: string }
  | { kind: 'empty' };

/** A chart as an ECharts option and the pixel size it is laid out for. */
export interface ChartSpec {
  option: EChartsOption;
  width: number;
  height: number;
}

export interface ScoreCell {
  /** null: 无数据 */
  score: number | null;
  /** The supervisor set this score by hand. */
  adjusted: boolean;
}

export interface SummaryRow {
  rank: number | null;
  code: string;
  name: string;
  /** In the order of DIMENSION_KEYS. */
  scores: ScoreCell[];
  total: number | null;
  grade: string;
  veto: string;
  /** Adjustments in one line, e.g. "出勤情况 72.0→85.0". */
  note: string;
}

export interface SummarySection {
  headers: string[];
  rows: SummaryRow[];
  /** Means over the managers with a value; null where nobody has one. */
  average: { scores: (number | null)[]; total: number | null };
  notes: string[];
  rankingChart: ChartSpec;
  gradeChart: ChartSpec;
}

export interface DimensionLine {
  label: string;
  weight: number;
  score: number | null;
  adjusted: boolean;
  /** What the scheme computed, when the score was adjusted. */
  computedScore: number | null;
  districtAverage: number | null;
}

export interface MetricLine {
  dimension: string;
  label: string;
  value: ReportValue;
  district: ReportValue;
  /** The metric's share of its dimension's score, e.g. "35%"; "—" when it does not count. */
  weight: string;
  rule: string;
}

export interface EvidenceLine {
  kind: string;
  date: string;
  time: string;
  /** Name and licence number. */
  retailer: string;
  text: string;
  note: string;
}

export interface CopySide {
  managerCode: string;
  managerName: string;
  /** A journal's date; a monthly report's period ('9月报'). */
  date: string;
  text: string;
  /** What orders the two sides: the date, or a report's period 'YYYY-MM'. */
  sortKey?: string;
  /** The text cut into runs: boilerplate greyed, shared specific content highlighted (日志雷同). */
  runs?: MarkedRun[];
}

export interface CopyPairLine {
  /** Ids of the earlier and the later text. */
  firstId?: number;
  secondId?: number;
  similarity: number;
  /** The earlier text. */
  first: CopySide;
  second: CopySide;
}

export interface ManagerFlag {
  type: FlagType;
  typeLabel: string;
  message: string;
  evidence: EvidenceLine[];
  /** Near-copy flags: both texts side by side instead of an evidence list. */
  pairs: CopyPairLine[];
}

export interface AdjustmentLine {
  dimension: string;
  from: number | null;
  to: number;
  reason: string;
  who: string;
  at: string;
}

export interface ManagerSection {
  sheetName: string;
  code: string;
  name: string;
  title: string;
  rank: number | null;
  managerCount: number;
  total: number | null;
  grade: string;
  veto: string | null;
  dimensions: DimensionLine[];
  metrics: MetricLine[];
  flags: ManagerFlag[];
  adjustments: AdjustmentLine[];
  /** '指标 85 分（张明，2026-11-05 10:13；原因）' per 手工评分 score; '指标：待评分' when missing. */
  manualScores: string[];
  /** '数据不足，不评等级：缺 …' when the manager is listed but not graded; else null. */
  insufficient: string | null;
  radarChart: ChartSpec;
}

export interface FlagRow {
  code: string;
  name: string;
  typeLabel: string;
  date: string;
  message: string;
  evidence: string;
}

export interface NearCopyRow {
  kind: '日志' | '月报';
  relation: '本人' | '他人';
  similarity: number;
  first: CopySide;
  second: CopySide;
}

export interface ReportModel {
  department: string;
  month: string;
  /** '2026年10月' */
  monthLabel: string;
  schemeLabel: string;
  final: boolean;
  /** '定稿（2026-11-05 10:13，张主管）' or '草稿 — 未定稿' (with '；需重新考评…' when out of date) */
  statusLabel: string;
  /** The status short enough for the printed page header ('草稿 — 未定稿；需重新考评'). */
  headerStatus?: string;
  /** The 考核人 line: '张明（临河营销部）', or null when nobody has said who judges. */
  signer: string | null;
  evaluatedAt: string;
  generatedAt: string;
  workdays: number;
  sheetNames: { summary: string; flags: string; nearCopies: string };
  summaryTitle: string;
  summary: SummarySection;
  managers: ManagerSection[];
  flags: FlagRow[];
  nearCopies: NearCopyRow[];
  /** The audit log's check at export, stated on the summary sheet. */
  audit?: { intact: boolean; message: string };
}
