import { MESSAGE_TEMPLATES_ZH } from '../../core/messages/messageTemplatesZh';
import { FLAG_TYPE_LABELS_ZH } from '../../core/report/flagTypeLabels';
import type { Shape } from './shape';

/**
 * Flag and rule sentences by code (core/messages) and flag type names by type ('attendance.absent':
 * flat keys with dots, which i18next finds as they are). The Chinese is the core's, the report's
 * words; merged under 'messages'.
 */
export const messagesTextZh = { ...MESSAGE_TEMPLATES_ZH, flagTypes: FLAG_TYPE_LABELS_ZH as Record<string, string> };

export const messagesTextEn: Shape<typeof MESSAGE_TEMPLATES_ZH> & { flagTypes: Record<string, string> } = {
  flag: {
    attendance: {
      absent: '{{day, kdate}} (a workday): no punch at all',
      concentration: 'Visits concentrated on a few retailers: the top three take {{share, kpercent}} of {{total}} visits ({{top, kvisits}})',
      outOfArea: '{{day, kdate}} {{at, ktime}} punched at “{{retailer}}”, outside own area (that day the shop belongs to {{owner}})',
      outOfAreaUnassigned: '{{day, kdate}} {{at, ktime}} punched at “{{retailer}}”, outside own area (that day the shop has no manager)',
      offHours: '{{day, kdate}} {{at, ktime}} punch outside working hours {{window}}',
      duplicate: '{{day, kdate}} {{at, ktime}} punched {{n}} times within one minute at “{{retailer}}”',
      mockLocation: '{{day, kdate}} {{at, ktime}} punch location abnormal (simulated location)',
      locationAnomaly: '{{day, kdate}} {{at, ktime}} punch location abnormal ({{anomaly}})',
      travelInstant: '{{day, kdate}} {{at, ktime}} two punches at the same moment {{km}} km apart',
      travel: '{{day, kdate}} {{at, ktime}} and {{at2, ktime}}: two punches {{km}} km apart, {{kmh}} km/h',
      travelOvernight: '{{day, kdate}} {{at, ktime}} and {{day2, kdate}} {{at2, ktime}}: two punches {{km}} km apart, {{kmh}} km/h',
      noPunches: 'No punches this month: the district imported the month’s attendance, none of own on {{workdays}} workdays; presence counts as 0 days',
    },
    records: {
      selfCopy: '{{n}} journal entries copy own entries of other days, e.g. {{day, kdate}} and {{day2, kdate}} (similarity {{similarity, kpercent}})',
      crossCopy: '{{n}} journal entries copy earlier or same-day entries of others, e.g. {{day, kdate}} and {{other}}’s entry of {{day2, kdate}} (similarity {{similarity, kpercent}})',
      shortEntries: '{{n}} journal entries shorter than {{min}} characters, e.g. {{day, kdate}} “{{content}}”',
      perfunctory: '{{n}} journal entries hold only boilerplate several managers use, nothing of the day, e.g. {{day, kdate}} “{{content}}”',
      reportMissing: 'Monthly market report for {{month, kmonth}} not submitted (due by {{due, kdate}})',
      reportLate: 'Monthly market report for {{month, kmonth}} submitted on {{day, kdate}}, after the deadline {{due, kdate}}',
      reportCopy: 'Monthly market report for {{month, kmonth}} copies the one for {{previous, kmonth}} (similarity {{similarity, kpercent}})',
      noJournals: 'No journal this month: the district imported the month’s journals, none of own; journal rate counts as 0, copying and short entries cannot be counted',
    },
    order: {
      missed: '{{day, kdate}} monopoly inspection at “{{retailer}}” found “{{violation}}”, not in own journal during the {{days}} days before',
      missedNoRetailer: '{{day, kdate}} monopoly inspection found “{{violation}}”, not in own journal during the {{days}} days before',
    },
    evaluation: {
      unknownManager: '{{n}} surveyed retailers do not know the manager: {{surveys, kdatedlist}}',
      lowSatisfaction: 'Retailer satisfaction {{score}}, below {{threshold}} ({{surveys}} surveys)',
    },
    area: {
      noRetailers: 'No retailers assigned this month: hard targets, brand sales, market order, fulfilment and market evaluation have no data',
    },
    veto: {
      unknown: 'Veto: {{unknown}} surveyed retailers do not know the manager (veto from {{unknownMin}})',
      dissatisfied: 'Veto: {{dissatisfied}} of {{total}} surveys rate the manager dissatisfied or very dissatisfied ({{share}}; veto from {{shareMin}})',
      both:
        'Veto: {{unknown}} surveyed retailers do not know the manager (veto from {{unknownMin}}); ' +
        '{{dissatisfied}} of {{total}} surveys rate the manager dissatisfied or very dissatisfied ({{share}}; veto from {{shareMin}})',
    },
  },
  evidence: {
    separator: '; ',
    raw: '{{value}}',
    calendar: {
      workday: 'Work calendar: workday; punches that day: none',
      makeUpWorkday: 'Work calendar: make-up workday; punches that day: none',
      restDay: 'Work calendar: day off; punches that day: none',
      holiday: 'Work calendar: day off ({{holiday}}); punches that day: none',
      unknown: 'Not in the work calendar',
    },
    attendance: {
      absence: 'Absence record',
      absenceResult: 'Absence record: {{result}}',
      punch: 'Punch',
      punchAt: 'Punch {{time}}',
      place: ', place: {{value}}',
      visited: ', visited: {{value}}',
      kind: 'Type: {{value}}',
      result: 'Result: {{value}}',
      anomaly: 'Anomaly: {{value}}',
      source: 'Source: {{value}}',
      mockLocation: 'Simulated location',
    },
    journals: {
      problems: 'Problems found: {{value}}',
      violation: 'Violation: {{value}}',
    },
    reports: {
      period: '{{kind}} {{period}}',
      submitted: 'Submitted on {{date}}',
      notSubmitted: 'No submission date',
    },
    surveys: {
      overall: 'Overall rating: {{value}}',
      overallMissing: 'Overall rating: not given',
      comments: '; comments: {{value}}',
      knowsManager: 'Knows the manager: yes',
      doesNotKnowManager: 'Knows the manager: no',
      method: 'Survey method: {{value}}',
    },
    inspections: {
      inspector: 'Inspector: {{value}}',
    },
    orders: {
      quantity: '{{brand}} {{quantity}} cartons',
      quantityUnknownBrand: 'Unknown brand {{quantity}} cartons',
    },
    retailers: {
      tier: 'Tier {{tier}}',
      route: 'Route: {{value}}',
    },
  },
  rule: {
    linear: 'Linear: {{floor}}→{{target}} scores 0→100',
    linearLower: 'Linear: {{floor}}→{{target}} scores 0→100 (lower is better)',
    yesScores: 'Yes scores 100, no scores 0',
    noScores: 'No scores 100, yes scores 0',
    districtAtLeast: 'Vs district: at or above the district value scores 100, {{band}} below it scores 0',
    districtAtLeastPoints: 'Vs district: at or above the district value scores 100, {{band}} points below it scores 0',
    districtAtLeastRatio: 'Vs district: at or above the district value scores 100, below it loses in proportion to the gap',
    districtAtMost: 'Vs district: at or below the district value scores 100, {{band}} above it scores 0',
    districtAtMostPoints: 'Vs district: at or below the district value scores 100, {{band}} points above it scores 0',
    districtAtMostRatio: 'Vs district: at or below the district value scores 100, above it loses in proportion to the gap',
    rank: 'Rank in district: first 100, last 0',
    rankLower: 'Rank in district: first 100, last 0 (lower is better)',
    manual: 'Scored by the supervisor',
    notScored: 'Not scored, for reference',
  },
  flagTypes: {
    'attendance.absent': 'No punch on a workday',
    'attendance.concentration': 'Visits concentrated',
    'attendance.out_of_area': 'Punch outside area',
    'attendance.impossible_travel': 'Impossible travel',
    'attendance.off_hours': 'Punch off hours',
    'attendance.duplicate': 'Duplicate punches',
    'attendance.mock_location': 'Location abnormal',
    'records.self_copy': 'Copies own journal',
    'records.cross_copy': 'Copies others’ journals',
    'records.report_missing': 'Monthly report late',
    'records.report_copy': 'Report copies last month',
    'records.short_entries': 'Short journal entries',
    'records.perfunctory': 'Boilerplate journal',
    'order.missed': 'Violation not reported',
    'evaluation.unknown_manager': 'Retailers do not know manager',
    'evaluation.low_satisfaction': 'Low satisfaction',
    'evaluation.veto': 'Veto',
    'area.no_retailers': 'No retailers assigned',
    'attendance.no_punches': 'No punches this month',
    'records.no_journals': 'No journals this month',
  },
};
