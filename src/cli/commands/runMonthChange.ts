import { adjustDimension, finalizeMonth, reopenMonth } from '../../backend/services/evaluation/changeMonth';
import { monthOption, parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../usageError';
import { setManualScore } from '../../backend/services/evaluation/manualScores';
import { cliActor } from './cliActor';
import { withStore } from './withStore';
import { districtOption } from './districtOption';

function requireMonth(value: string | undefined): string {
  const month = monthOption(value, 'month');
  if (!month) throw new UsageError('需要 --month YYYY-MM');
  return month;
}

export async function runAdjust(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    month: { type: 'string' },
    manager: { type: 'string' },
    dimension: { type: 'string' },
    score: { type: 'string' },
    reason: { type: 'string' },
    by: { type: 'string' },
    district: { type: 'string' },
  });
  const month = requireMonth(values.month);
  if (!values.manager || !values.dimension || values.score === undefined) {
    throw new UsageError('adjust 需要 --manager CODE --dimension KEY --score N --reason TEXT');
  }
  const score = Number(values.score);
  if (!Number.isFinite(score)) throw new UsageError(`--score 需要一个数，收到「${values.score}」`);
  return withStore(values.db, async (store) => {
    const snapshot = await adjustDimension(
      store,
      { month, managerCode: values.manager ?? '', dimension: values.dimension ?? '', score, reason: values.reason ?? '', districtId: await districtOption(store, values.district) },
      await cliActor(store, values.by),
    );
    const m = snapshot.evaluation.managers.find((x) => x.code === values.manager);
    process.stdout.write(`已调整 ${values.manager} 的 ${values.dimension} 为 ${score}；总分 ${m?.total ?? '-'}，等级 ${m?.grade ?? '-'}\n`);
    return 0;
  });
}

export async function runScore(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    month: { type: 'string' },
    manager: { type: 'string' },
    metric: { type: 'string' },
    value: { type: 'string' },
    reason: { type: 'string' },
    by: { type: 'string' },
    district: { type: 'string' },
  });
  const month = requireMonth(values.month);
  if (!values.manager || !values.metric || values.value === undefined) {
    throw new UsageError('score 需要 --manager CODE --metric KEY --value N --reason TEXT');
  }
  const value = Number(values.value);
  if (!Number.isFinite(value)) throw new UsageError(`--value 需要一个数，收到「${values.value}」`);
  return withStore(values.db, async (store) => {
    const saved = await setManualScore(
      store.db,
      { month, managerCode: values.manager ?? '', metric: values.metric ?? '', value, reason: values.reason ?? '', districtId: await districtOption(store, values.district) },
      await cliActor(store, values.by),
    );
    process.stdout.write(`已录入 ${saved.managerCode} 的 ${saved.metric} 手工评分 ${saved.score}（${saved.who}）；重新考评后计入总分\n`);
    return 0;
  });
}

export async function runFinalize(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { db: { type: 'string' }, month: { type: 'string' }, by: { type: 'string' }, district: { type: 'string' } });
  const month = requireMonth(values.month);
  return withStore(values.db, async (store) => {
    const s = await finalizeMonth(store, month, await cliActor(store, values.by), await districtOption(store, values.district));
    process.stdout.write(`${month} 已定稿（${s.finalizedAt}）\n`);
    return 0;
  });
}

export async function runReopen(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { db: { type: 'string' }, month: { type: 'string' }, reason: { type: 'string' }, by: { type: 'string' }, district: { type: 'string' } });
  const month = requireMonth(values.month);
  return withStore(values.db, async (store) => {
    await reopenMonth(store, month, values.reason ?? '', await cliActor(store, values.by), await districtOption(store, values.district));
    process.stdout.write(`${month} 已重新打开，可以修改\n`);
    return 0;
  });
}
