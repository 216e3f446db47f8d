import { DIMENSION_KEYS, DIMENSION_LABELS_ZH } from '../../core/measures/dimensions';
import { evaluateStoredMonth } from '../../backend/services/evaluation/evaluateStoredMonth';
import type { MonthSnapshot } from '../../backend/services/evaluation/monthSnapshot';
import { monthOption, parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../usageError';
import { withStore } from './withStore';
import { districtOption } from './districtOption';

/** The --json shape promised by the CLI: month, workdays, scheme, managers with dimensions and flags. */
export function evaluationJson(s: MonthSnapshot) {
  return {
    month: s.month,
    workdays: s.evaluation.workdays,
    scheme: s.scheme.name,
    schemeVersion: s.scheme.version,
    status: s.status,
    finalizedAt: s.finalizedAt,
    managers: s.evaluation.managers.map((m) => ({
      code: m.code,
      name: m.name,
      total: m.total,
      grade: m.grade,
      rank: m.rank,
      veto: m.veto,
      dimensions: Object.fromEntries(
        DIMENSION_KEYS.map((k) => [k, { score: m.dimensions[k].score, weight: m.dimensions[k].weight, metrics: m.dimensions[k].metrics }]),
      ),
      flags: m.flags.map((f) => ({ type: f.type, message: f.message, evidence: f.evidence })),
    })),
  };
}

function table(s: MonthSnapshot): string {
  const head = ['名次', '工号', '姓名', ...DIMENSION_KEYS.map((k) => DIMENSION_LABELS_ZH[k]), '总分', '等级', '异常'];
  const rows = [...s.evaluation.managers]
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
    .map((m) => [
      String(m.rank ?? '-'),
      m.code,
      m.name,
      ...DIMENSION_KEYS.map((k) => (m.dimensions[k].score === null ? '无数据' : m.dimensions[k].score.toFixed(1))),
      m.total === null ? '-' : m.total.toFixed(1),
      (m.grade ?? '-') + (m.veto ? '（否决）' : ''),
      String(m.flags.length),
    ]);
  const state = s.status === 'final' ? `定稿 ${s.finalizedAt ?? ''}` : '草稿';
  return [
    `${s.month} 考评（${s.scheme.name} v${s.scheme.version}，工作日 ${s.evaluation.workdays} 天，${state}）`,
    head.join('\t'),
    ...rows.map((r) => r.join('\t')),
  ].join('\n');
}

export async function runEvaluate(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    month: { type: 'string' },
    scheme: { type: 'string' },
    json: { type: 'boolean' },
    district: { type: 'string' },
  });
  const month = monthOption(values.month, 'month');
  if (!month) throw new UsageError('evaluate 需要 --month YYYY-MM');
  return withStore(values.db, async (store) => {
    const snapshot = await evaluateStoredMonth(store, month, { schemeName: values.scheme, now: new Date(), districtId: await districtOption(store, values.district) });
    process.stdout.write((values.json ? JSON.stringify(evaluationJson(snapshot), null, 2) : table(snapshot)) + '\n');
    return 0;
  });
}
