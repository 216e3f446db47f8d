import type { MonthSummary } from './salesLedger';
import type { SeededRandom } from './seededRandom';

export interface ReportFacts {
  month: string;
  routes: string[];
  activeRetailers: number;
  current: MonthSummary;
  previous: MonthSummary | null;
  lastYear: MonthSummary | null;
  /** Brand names the manager's shops sell most. */
  topBrands: string[];
}

const OBSERVATIONS: ((r: SeededRandom, f: ReportFacts) => string)[] = [
  (r, f) => `${r.pick(f.topBrands)}在城区便利店动销较快，部分网点出现短时断档`,
  (r) => `乡村网点${r.pick(['受农忙影响', '因赶集日调整', '随外出务工人员返乡'])}，销量${r.pick(['有所回落', '明显上升', '波动较大'])}`,
  (r) => `细支烟和中支烟的${r.pick(['询问量', '订购户数', '复购率'])}继续增加，年轻消费者偏好明显`,
  (r) => `${r.pick(['礼品烟', '高端烟', '整条购买'])}需求${r.pick(['随节日临近回升', '较上月减弱', '集中在月底'])}`,
  (r) => `零售户普遍反映${r.pick(['紧俏品规货源偏紧', '送货及时', '订货系统更好用了', '价格稳定、毛利可以接受'])}`,
  (r) => `${r.int(2, 6)}户零售户${r.pick(['新增了烟柜', '调整了陈列', '开通了扫码支付', '参加了诚信户评选'])}，终端形象有所提升`,
  (r) => `周边${r.pick(['新开超市', '社区团购', '连锁便利店'])}对个体食杂店客流有一定分流`,
  (r) => `低档烟${r.pick(['走量稳定', '比重继续下降', '在乡村网点仍是主力'])}，三类烟${r.pick(['占比小幅提升', '基本持平'])}`,
  (r) => `部分零售户对${r.pick(['货源投放规则', '档位调整', '送货时间'])}仍有疑问，需要持续解释`,
  (r) => `市场价格总体稳定，抽查的${r.int(20, 60)}个价签中${r.pick(['全部规范', '有少量缺失已整改', '个别与实际售价不符已纠正'])}`,
  (r) => `月内走访中${r.pick(['未发现', '没有发现', '暂未发现'])}假私烟流入迹象，零售户进货渠道规范`,
  (r) => `${r.pick(['天气转冷', '雨水偏多', '高温天气'])}期间夜间客流${r.pick(['减少', '增加'])}，便利店${r.pick(['延长了营业时间', '调整了备货'])}`,
  (r) => `学校${r.pick(['开学', '放假'])}后，周边网点${r.pick(['客流变化明显', '需加强禁售未成年人宣传'])}`,
  (r) => `${r.int(1, 4)}户零售户${r.pick(['变更了经营地址', '更换了经营者', '暂停营业'])}，档案已${r.pick(['更新', '报送变更'])}`,
  (r) => `电子结算使用率${r.pick(['达到九成以上', '继续提高', '在乡村网点仍偏低'])}`,
  (r) => `烟酒店对${r.pick(['高档烟陈列', '名烟名酒搭配', '会员营销'])}${r.pick(['积极性较高', '兴趣不大', '有新的想法'])}`,
];

const PROBLEMS: ((r: SeededRandom) => string)[] = [
  (r) => `个别零售户${r.pick(['价签不全', '陈列杂乱', '库存管理粗放'])}，已逐户督促整改`,
  (r) => `${r.pick(['紧俏品规', '新品', '高端品规'])}分配与零售户期望有差距，解释工作量较大`,
  (r) => `乡村线路${r.pick(['路途较远', '网点分散'])}，走访频次${r.pick(['不够均衡', '偏低'])}`,
  (r) => `部分零售户${r.pick(['年龄偏大', '不熟悉手机操作'])}，网上订货${r.pick(['仍需协助', '出错较多'])}`,
  (r) => `${r.pick(['送货时间', '结算到账', '破损退换'])}方面有${r.int(1, 4)}起意见，已反馈相关部门`,
  (r) => `新品${r.pick(['铺货进度偏慢', '复购率不高', '价位认可度一般'])}，需要加强推介`,
];

const PLANS: ((r: SeededRandom, f: ReportFacts) => string)[] = [
  (r) => `加强对${r.pick(['高档位', '中档位', '低档位', '乡村'])}客户的走访，做到应访尽访`,
  (r, f) => `继续培育${r.pick(f.topBrands)}等重点品牌，${r.pick(['扩大上柜面', '提高单户销量', '稳定价格'])}`,
  (r) => `配合专卖部门做好${r.pick(['市场检查', '信息互通', '案件线索收集'])}`,
  (r) => `组织${r.int(1, 3)}次零售户${r.pick(['座谈', '培训', '品鉴活动'])}，听取意见建议`,
  (r) => `跟进新品${r.pick(['铺货', '动销', '陈列'])}情况，${r.pick(['逐户记录反馈', '每周汇总一次'])}`,
  (r) => `帮助${r.int(3, 8)}户零售户${r.pick(['优化陈列', '提高毛利', '规范价签', '用好终端系统'])}`,
  (r) => `建议公司${r.pick(['优化送货线路', '调整货源分配', '增加新品投放', '延长订货时间'])}`,
];

/**
 * A monthly market analysis (月度市场分析报告) built from the month's real figures and a
 * changing selection of observations, so that one manager's reports of consecutive months
 * read differently.
 */
export function composeMonthlyReport(rng: SeededRandom, facts: ReportFacts): string {
  const monthName = `${Number(facts.month.slice(5, 7))}月`;
  const volume = Math.round(facts.current.volume);
  const parts: string[] = [];

  const yoy = facts.lastYear && facts.lastYear.volume > 0 ? facts.current.volume / facts.lastYear.volume - 1 : null;
  const mom = facts.previous && facts.previous.volume > 0 ? facts.current.volume / facts.previous.volume - 1 : null;
  const change = (value: number, word: string): string =>
    Math.abs(value) < 0.005 ? `${word}基本持平` : `${word}${value > 0 ? rng.pick(['增长', '上升', '增加']) : rng.pick(['下降', '减少', '回落'])}${Math.abs(value * 100).toFixed(1)}%`;
  const trend = [yoy === null ? null : change(yoy, '同比'), mom === null ? null : change(mom, '环比')].filter((x): x is string => x !== null);
  parts.push(
    rng.pick([
      `${monthName}我负责的${facts.routes.join('、')}线路共订购卷烟${volume}条${trend.length > 0 ? `，${trend.join('，')}` : ''}。`,
      `本月辖区${facts.activeRetailers}户零售户累计订货${volume}条${trend.length > 0 ? `，${trend.join('，')}` : ''}。`,
      `${facts.month.slice(0, 4)}年${monthName}，所辖线路销量${volume}条${trend.length > 0 ? `，与往期相比${trend.join('、')}` : ''}。`,
    ]),
  );

  const keyShare = facts.current.volume > 0 ? (facts.current.keyVolume / facts.current.volume) * 100 : 0;
  parts.push(
    rng.pick([
      `重点品牌销量占比${keyShare.toFixed(1)}%，${rng.pick(['结构保持稳定', '较上月略有提升', '仍有提升空间'])}。`,
      `从结构看，重点品牌占${keyShare.toFixed(1)}%，${rng.pick(['一类烟', '二类烟', '三类烟'])}${rng.pick(['增长较快', '表现平稳', '略有下滑'])}。`,
    ]),
  );

  const launched = facts.current.newBrandReach.filter((n) => n.retailers > 0);
  if (launched.length > 0) {
    const top = launched.reduce((a, b) => (b.retailers > a.retailers ? b : a));
    parts.push(
      rng.pick([
        `新品${top.brand.name}本月已有${top.retailers}户订购，${rng.pick(['动销情况良好', '动销偏慢', '反响一般'])}。`,
        `新品方面，${launched.map((n) => `${n.brand.name}上柜${n.retailers}户`).join('，')}。`,
      ]),
    );
  }

  const observations = rng.sample(OBSERVATIONS, rng.int(3, 4)).map((o) => o(rng, facts));
  parts.push(`${rng.pick(['市场情况：', '走访中了解到，', '本月市场动态：', ''])}${observations.join('；')}。`);
  const problems = rng.sample(PROBLEMS, rng.int(1, 2)).map((p) => p(rng));
  parts.push(`${rng.pick(['存在问题：', '需要关注的是，', '主要问题：'])}${problems.join('；')}。`);
  const plans = rng.sample(PLANS, rng.int(2, 3)).map((p) => p(rng, facts));
  parts.push(`${rng.pick(['下月计划：', '下一步打算：', '下月重点：'])}${plans.join('；')}。`);
  return parts.join('');
}
