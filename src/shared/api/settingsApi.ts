import { z } from 'zod';
import { monthSchema } from './schemas';
import type { CalendarDayDto } from './evaluationApi';

const finite = z.number().refine(Number.isFinite, '应为数字');
const metricRuleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('linear'), floor: finite, target: finite }),
  z.object({ type: z.literal('district'), lowerIsBetter: z.boolean().optional(), band: finite.optional() }),
  z.object({ type: z.literal('rank'), lowerIsBetter: z.boolean().optional() }),
  z.object({ type: z.literal('manual') }),
]);
export type MetricRuleDto = z.infer<typeof metricRuleSchema>;

/**
 * A scoring scheme as the editor sends it. Keys are checked loosely here (dimension and metric
 * names, weights summing to 100) and fully by the backend's validateScheme, whose messages
 * are the ones a supervisor reads.
 */
const schemeSchema = z.object({
  name: z.string().trim().min(1).max(100),
  version: z.number().int().min(0),
  weights: z.record(z.string().max(40), finite),
  metrics: z.record(z.string().max(40), z.array(z.object({ metric: z.string().max(40), weight: finite, rule: metricRuleSchema })).max(20)),
  thresholds: z.object({
    nearCopyJaccard: finite,
    minEntryChars: finite,
    // A scheme saved before this setting existed has none: the default applies.
    boilerplateManagers: finite.default(3),
    concentrationTop3Share: finite,
    maxTravelKmh: finite,
    offHoursBefore: finite,
    offHoursAfter: finite,
    visitsPerMonthByTier: z.array(z.object({ minTier: finite, maxTier: finite, visits: finite })).max(50),
    reportDueDay: finite,
    lowSatisfaction: finite,
    linkRadiusMeters: finite,
    reportWindowDays: finite,
    keyBrandShareTarget: finite,
  }),
  veto: z.object({ enabled: z.boolean(), unknownManagerMin: finite, dissatisfiedShare: finite }),
  grades: z.array(z.object({ min: finite, label: z.string().trim().min(1).max(20) })).min(1).max(10),
});
export type SchemeDto = z.infer<typeof schemeSchema>;

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const settingsArgs = {
  'settings.schemes': z.object({}),
  /** A scheme by name (latest version unless given); without a name, the default scheme. */
  'settings.scheme': z.object({ name: z.string().trim().min(1).max(100).optional(), version: z.number().int().min(1).optional() }),
  /** Saves the scheme as a new version of its name (never overwrites one a month was scored with). */
  'settings.saveScheme': z.object({ scheme: schemeSchema }),
  'calendar.month': z.object({ month: monthSchema }),
  /** Marks a day as workday or not (null: back to the shipped calendar); refused in a finalized month. */
  'calendar.setDay': z.object({ date: dateSchema, workday: z.boolean().nullable(), note: z.string().max(100).optional() }),
} as const;

export interface SchemeSummaryDto {
  id: number;
  name: string;
  version: number;
  createdAt: string;
  /** Months whose evaluation uses this version. */
  months: string[];
}

export interface SettingsReturns {
  'settings.schemes': SchemeSummaryDto[];
  'settings.scheme': SchemeDto;
  'settings.saveScheme': SchemeSummaryDto;
  'calendar.month': CalendarDayDto[];
  'calendar.setDay': CalendarDayDto[];
}
