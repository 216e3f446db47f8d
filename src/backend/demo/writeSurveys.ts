import { join } from 'node:path';
import { shiftMonth } from '../../core/calendar/dates';
import { monthSpanLabel, type DemoContext, type WrittenFile } from './demoContext';
import { isActive, type DemoRetailer } from './districtModel';
import type { SeededRandom } from './seededRandom';
import { workdaysOf } from './workCalendar';
import { XlsxSheetWriter } from './xlsxSheetWriter';

const ITEMS = ['拜访及时性', '服务态度', '政策信息传递', '经营指导', '订货服务', '送货服务', '投诉处理'];
const HEADER = ['问卷编号', '调查日期', '调查方式', '许可证号', '零售户名称', '是否认识客户经理', '能否说出客户经理姓名', '上月拜访次数', ...ITEMS, '总体满意度', '意见建议'];
const COMMENTS = ['希望增加紧俏烟货源', '送货时间能固定一些', '客户经理服务很好', '希望多组织培训', '新品希望早点通知', '订货系统偶尔卡顿', '价格稳定就好'];
const COMPLAINTS = ['客户经理很少来店里', '有问题找不到人', '反映的问题一直没回复', '从来没见过客户经理', '只打电话不上门'];

interface SurveyAnswers {
  knows: boolean;
  names: boolean;
  scores: number[];
  overall: string;
  comment: string;
}

/** 零售客户满意度调查 of the last two months, done by a survey firm in the second half of each month. */
export async function writeSurveys(ctx: DemoContext): Promise<WrittenFile> {
  const path = join(ctx.outDir, `零售客户满意度调查_${monthSpanLabel(ctx.recentMonths)}.xlsx`);
  const sheet = XlsxSheetWriter.open(path, '满意度调查', [12, 11, 8, 14, 22, 10, 10, 8, 8, 8, 8, 8, 8, 8, 8, 10, 24]);
  sheet.header(HEADER);
  const rng = ctx.rng.fork('surveys');
  const visitCounts = countVisitsByMonth(ctx);
  const serials = new Map<string, number>();

  for (const month of ctx.recentMonths) {
    const days = workdaysOf(month);
    const secondHalf = days.slice(Math.floor(days.length / 2));
    for (const manager of ctx.district.managers) {
      const own = (ctx.district.retailersByManager.get(manager.code) ?? []).filter(isActive);
      if (own.length === 0) continue;
      const disliked = month === ctx.endMonth && ctx.plan.disliked?.managerCode === manager.code;
      const normalCount = Math.max(3, Math.round(own.length * 0.12));
      const chosen = rng.sample(own, disliked ? Math.max(6, normalCount) : normalCount);
      const visitsLastMonth = (r: DemoRetailer): number => visitCounts.get(`${shiftMonth(month, -1)}|${r.licence}`) ?? 0;
      // The shop that has not seen its manager is the one he visits least.
      const stranger = disliked ? chosen.reduce((a, b) => (visitsLastMonth(b) < visitsLastMonth(a) ? b : a)) : null;
      const unhappyQuota = disliked ? Math.ceil(chosen.length * 0.6) : 0;
      let unhappy = 0;
      const rows: { date: string; retailer: DemoRetailer; answers: SurveyAnswers; id: string }[] = [];
      for (const retailer of chosen) {
        const date = rng.pick(secondHalf.length > 0 ? secondHalf : days);
        const year = date.slice(0, 4);
        const serial = (serials.get(year) ?? 0) + 1;
        serials.set(year, serial);
        let answers: SurveyAnswers;
        if (retailer === stranger) {
          answers = { knows: false, names: false, scores: ITEMS.map(() => rng.int(1, 2)), overall: '不满意', comment: rng.pick(COMPLAINTS) };
          unhappy++;
        } else if (disliked && unhappy < unhappyQuota) {
          answers = unhappyAnswers(rng);
          unhappy++;
        } else if (disliked) {
          answers = { knows: true, names: rng.chance(0.5), scores: ITEMS.map(() => rng.int(2, 3)), overall: '一般', comment: rng.pick(COMPLAINTS) };
        } else {
          answers = contentAnswers(rng);
        }
        rows.push({ date, retailer, answers, id: `MY${year}${String(serial).padStart(4, '0')}` });
      }
      for (const row of rows) {
        const a = row.answers;
        sheet.row([
          row.id,
          { date: row.date },
          rng.pick(['电话', '入户']),
          row.retailer.licence,
          row.retailer.name,
          a.knows ? '是' : '否',
          a.names ? '是' : '否',
          a.knows ? visitsLastMonth(row.retailer) : 0,
          ...a.scores,
          a.overall,
          a.comment || null,
        ]);
        if (!a.knows) {
          ctx.planted.push({
            flag: 'evaluation.unknown_manager',
            managerCode: manager.code,
            date: row.date,
            detail: `问卷 ${row.id}：${row.retailer.name}（${row.retailer.licence}）表示不认识客户经理`,
          });
        }
      }
      if (disliked) {
        const mean = rows.reduce((s, r) => s + r.answers.scores.reduce((a, b) => a + b, 0) / ITEMS.length, 0) / rows.length;
        ctx.planted.push({
          flag: 'evaluation.low_satisfaction',
          managerCode: manager.code,
          detail: `${rows.length} 份问卷中 ${unhappy} 份总体评价不满意，满意度约 ${Math.round(((mean - 1) / 4) * 100)} 分`,
        });
        ctx.planted.push({
          flag: 'evaluation.veto',
          managerCode: manager.code,
          detail: `有零售户不认识客户经理，且 ${unhappy}/${rows.length} 份问卷不满意，一票否决`,
        });
      }
    }
  }
  await sheet.close();
  return { path, kind: 'surveys', rows: sheet.rowsWritten };
}

function contentAnswers(rng: SeededRandom): SurveyAnswers {
  const scores = ITEMS.map(() => rng.pickWeighted([3, 4, 5], (x) => (x === 3 ? 1 : 4)));
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return {
    knows: true,
    names: rng.chance(0.92),
    scores,
    overall: mean >= 4.6 ? '非常满意' : mean >= 3.8 ? '满意' : '一般',
    comment: rng.chance(0.3) ? rng.pick(COMMENTS) : '',
  };
}

function unhappyAnswers(rng: SeededRandom): SurveyAnswers {
  return {
    knows: true,
    names: rng.chance(0.4),
    scores: ITEMS.map(() => rng.pickWeighted([1, 2, 3], (x) => (x === 3 ? 1 : 3))),
    overall: rng.pick(['不满意', '不满意', '非常不满意']),
    comment: rng.pick(COMPLAINTS),
  };
}

/** `month|licence` → visits by the retailer's manager that month, from the schedule. */
function countVisitsByMonth(ctx: DemoContext): Map<string, number> {
  const counts = new Map<string, number>();
  for (const days of ctx.schedule.values()) {
    for (const day of days) {
      for (const visit of day.visits) {
        const key = `${day.date.slice(0, 7)}|${visit.retailer.licence}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}
