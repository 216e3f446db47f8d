import type { DemoBrand } from './brandCatalogue';
import type { DemoRetailer } from './districtModel';
import type { SeededRandom } from './seededRandom';

export interface JournalContext {
  retailer: DemoRetailer;
  /** Brands on the shop's shelf, plus new brands already launched. */
  brands: DemoBrand[];
  newBrands: DemoBrand[];
  /** Other shops nearby, for remarks about competition. */
  neighbours: string[];
  /** Minutes after midnight of the arrival; null for a phone call. */
  arrive: number | null;
  stayMinutes: number | null;
  weeklyOrder: number;
  method: '走访' | '电话' | '微信';
}

export interface JournalEntry {
  content: string;
  problems: string;
  actions: string;
  priceMarked: boolean;
  displayOk: boolean;
  violation: string;
}

export type ReportedViolation = '假烟' | '私烟/非法渠道';

type Clause = (s: Slots) => string;

/** Values a clause template draws from; each call draws afresh, so one template yields many texts. */
class Slots {
  constructor(
    readonly rng: SeededRandom,
    readonly ctx: JournalContext,
  ) {}

  n(low: number, high: number): number {
    return this.rng.int(low, high);
  }

  pick<T>(items: readonly T[]): T {
    return this.rng.pick(items);
  }

  brand(): string {
    return this.rng.pick(this.ctx.brands).name;
  }

  otherBrand(than: string): string {
    const others = this.ctx.brands.filter((b) => b.name !== than);
    return others.length > 0 ? this.rng.pick(others).name : than;
  }

  newBrand(): string {
    return this.ctx.newBrands.length > 0 ? this.rng.pick(this.ctx.newBrands).name : this.brand();
  }

  packPrice(): string {
    const brand = this.rng.pick(this.ctx.brands);
    return `${brand.name}每包${Math.round(brand.retailPrice / 10)}元`;
  }

  owner(): string {
    const surname = this.ctx.retailer.owner.slice(0, 1);
    return this.rng.pick([`店主${this.ctx.retailer.owner}`, `${surname}老板`, `${surname}姐`, `${surname}师傅`, `老${surname}`, this.ctx.retailer.owner]);
  }

  neighbour(): string {
    return this.ctx.neighbours.length > 0 ? this.rng.pick(this.ctx.neighbours) : this.rng.pick(['对面的超市', '隔壁烟酒店', '路口便利店']);
  }

  weekday(): string {
    return this.rng.pick(['周一', '周二', '周三', '周四', '周五']);
  }
}

const STOCK: Clause[] = [
  (s) => `协助店主盘点库存，${s.brand()}剩余约${s.n(3, 30)}条，${s.pick(['建议下周适量补货', '库存偏多，建议暂缓订购', '周转正常', '够卖一周左右'])}`,
  (s) => {
    const b = s.brand();
    return `店主反映${b}${s.pick(['近期走得快', '需求上升', '经常断档', '节前备货多'])}，建议下次订货${s.pick(['增加', '按实际需求申报', '多报'])}${s.n(2, 10)}条`;
  },
  (s) => `核对了上周${s.brand()}的到货，共${s.n(5, 40)}条，与订单一致`,
  (s) => {
    const b = s.brand();
    return `帮店主排了下周订货计划，重点增加${b}和${s.otherBrand(b)}`;
  },
  (s) => `提醒店主${s.weekday()}前完成网上订货，${s.pick(['店主已熟悉流程', '现场演示了一遍手机订货', '店主说让孩子帮忙操作'])}`,
  (s) => `${s.brand()}本周订了${s.n(3, 25)}条，比上周${s.pick(['多', '少'])}${s.n(1, 6)}条，${s.pick(['附近工地开工了', '天气转凉', '学校开学', '有婚宴订单', '赶上集市'])}`,
  (s) => `库房里${s.brand()}${s.pick(['放在靠墙潮湿处', '堆放偏高', '和酒水混放'])}，建议${s.pick(['垫高离地', '单独存放', '先进先出'])}`,
  (s) => `店主想多要${s.brand()}的货源，讲解了按需投放规则，${s.pick(['店主表示理解', '店主仍希望多给一些', '答应反映给货源组'])}`,
];

const PRICE: Clause[] = [
  (s) => `${s.packPrice()}，与建议零售价${s.pick(['一致', '相符', '基本持平'])}`,
  (s) => `抽看了${s.n(4, 12)}个品规的价签，${s.pick(['全部齐全', '有一个缺失，已当场补上', '两个价签过期，已更换', '位置偏低，已调到视线高度'])}`,
  (s) => `周边${s.brand()}卖${s.n(9, 60)}元一包，本店${s.pick(['持平', '略高一元', '略低一元'])}`,
  (s) => `店主问${s.brand()}能不能涨价，解释了${s.pick(['价格政策', '明码标价要求', '零售指导价的意义'])}`,
  (s) => `${s.pick(['条装', '盒装'])}${s.brand()}标价${s.pick(['清楚', '字迹模糊，已重写', '缺少单位，已补全'])}`,
  (s) => `发现${s.brand()}价签与实际售价差${s.n(1, 3)}元，已要求当场更正`,
  (s) => `店主对${s.brand()}的毛利${s.pick(['比较满意', '觉得偏低', '算得很细'])}，一起算了每条${s.n(8, 60)}元左右的差价`,
];

const DISPLAY: Clause[] = [
  (s) => `检查柜台陈列，${s.brand()}摆在${s.pick(['柜台中层', '显眼位置', '收银台旁', '第二层左侧', '顶层'])}，${s.pick(['整齐', '略显杂乱，已协助整理', '品规分区清楚'])}`,
  (s) => `建议把${s.pick(['高档烟', '中档烟', '细支烟', '新品'])}集中陈列，方便顾客挑选`,
  (s) => `协助更换了${s.n(1, 3)}块陈列隔板，${s.pick(['柜台看着清爽多了', '店主很满意', '顺手擦了玻璃'])}`,
  (s) => `柜台新增${s.n(1, 4)}个品规，陈列品规由${s.n(12, 20)}个增加到${s.n(21, 30)}个`,
  (s) => `${s.pick(['烟柜灯管坏了一根', '柜台玻璃有裂纹', '展示架有些松动'])}，提醒店主${s.pick(['尽快维修', '注意安全', '联系厂家更换'])}`,
  (s) => `店里把${s.brand()}${s.pick(['放在柜台下层', '和打火机混放', '放在货架顶上'])}，已帮忙调整位置`,
  (s) => `陈列按${s.pick(['价位从高到低', '品牌分组', '条盒分区'])}摆放，${s.pick(['规范整齐', '基本符合要求', '还需再调整'])}`,
];

const CONSUMER: Clause[] = [
  (s) => `据店主说，顾客对${s.brand()}${s.pick(['口感评价不错', '包装认可度高', '价格比较敏感', '回头客多', '觉得偏淡'])}`,
  (s) => `${s.pick(['年轻顾客', '中老年顾客', '外地司机', '附近工人', '上班族'])}多买${s.brand()}，${s.pick(['一天能卖', '一周能卖'])}${s.n(3, 30)}包`,
  (s) => `有顾客打听${s.pick(['细支烟', '中支烟', '爆珠烟', '低焦油卷烟'])}，店里${s.pick(['暂时没有', '只有一个品规', '货不多'])}`,
  (s) => `消费者买${s.brand()}多是${s.pick(['整条送礼', '单包自吸', '两包一起买'])}`,
  (s) => `店主记录了这周顾客点名要的烟，${s.brand()}被问了${s.n(2, 9)}次`,
  (s) => `周末${s.pick(['赶集', '有庙会', '附近办喜事'])}，${s.brand()}卖得比平时快`,
];

const COMPETITION: Clause[] = [
  (s) => `${s.neighbour()}${s.pick(['新开业', '正在装修', '在搞促销', '换了老板'])}，对本店客流${s.pick(['有一定影响', '影响不大', '还要再观察'])}`,
  (s) => `了解到${s.neighbour()}的${s.brand()}${s.pick(['卖得比本店快', '价格一致', '断货了几天'])}`,
  (s) => `附近${s.pick(['新开了一家超市', '一家食杂店关门了', '加油站便利店开始卖烟'])}，${s.pick(['可能分流部分客源', '本店顾客有所增加', '店主有些担心'])}`,
  (s) => `和${s.neighbour()}比，本店${s.pick(['品规更全', '位置更好', '营业时间更长', '服务更热情'])}`,
  (s) => `店主说${s.pick(['外卖平台', '社区团购', '网上卖酒的'])}对他的生意${s.pick(['冲击不小', '没什么影响', '影响了饮料销售'])}`,
];

const POLICY: Clause[] = [
  (s) => `宣传了${s.pick(['卷烟价格政策', '专卖法律法规', '货源投放政策', '诚信经营要求', '未成年人禁售规定'])}，店主${s.pick(['表示理解', '签字确认', '认真听了'])}`,
  (s) => `提醒店主${s.pick(['不得向未成年人售烟', '张贴禁售标识', '只从正规渠道进货', '按时办理许可证延续'])}`,
  (s) => `讲解了${s.pick(['诚信等级评定', '电子结算', '积分兑换', '零售户分档'])}的${s.pick(['规则', '操作流程', '最新变化'])}，${s.pick(['店主已能独立操作', '店主还有疑问，下次再讲', '留了资料'])}`,
  (s) => `通知店主${s.pick(['本月底', '下周', '月中'])}参加${s.pick(['零售户座谈会', '新品品鉴会', '法规培训'])}，${s.pick(['已报名', '店主说看时间', '答应准时到'])}`,
  (s) => `说明了${s.pick(['档位调整', '订货周期', '送货时间'])}的新安排，${s.pick(['店主没有意见', '店主希望再考虑', '已发了书面通知'])}`,
];

const NEW_BRAND: Clause[] = [
  (s) => `向店主推介新品${s.newBrand()}，${s.pick(['店主愿意先订两条试销', '店主持观望态度', '店主已上柜', '店主说等等看别家卖得怎样'])}`,
  (s) => `新品${s.newBrand()}上柜后${s.pick(['首周卖出', '一共卖了', '已卖出'])}${s.n(3, 25)}包，${s.pick(['反响不错', '动销偏慢', '回头客有几位'])}`,
  (s) => `讲了${s.newBrand()}的${s.pick(['定位', '卖点', '价位', '口味特点'])}，建议${s.pick(['放在收银台旁', '先进少量', '搭配老品规推荐'])}`,
  (s) => `发放了${s.newBrand()}的${s.pick(['宣传折页', '价签', '陈列插卡'])}，${s.pick(['已摆上柜', '店主收下了', '贴在柜台侧面'])}`,
];

const GUIDANCE: Clause[] = [
  (s) => `和店主分析了近${s.pick(['两', '三'])}个月的${s.pick(['进销存', '毛利', '品规结构', '销量变化'])}，${s.pick(['高档烟占比在提高', '低档烟走量最大', '品规偏多可精简', '结构基本合理'])}`,
  (s) => `建议店主${s.pick(['延长晚上营业时间', '增加中档品规', '做好老顾客登记', '开通扫码支付', '把烟柜挪到门口'])}`,
  (s) => `帮店主算了一笔账，每月卷烟毛利约${s.n(8, 90)}00元，${s.pick(['占店里收入三成', '比上季度略增', '店主心里有数了'])}`,
  (s) => `指导店主用${s.pick(['零售终端', '手机订货软件', '收银系统'])}${s.pick(['查销量', '记库存', '看毛利'])}，${s.pick(['学得很快', '还需多练', '让孩子帮忙'])}`,
  (s) => `店主准备${s.pick(['扩大店面', '重新装修', '增加便利商品', '开第二家店'])}，${s.pick(['给了一些建议', '提醒变更要办手续', '约好下次细谈'])}`,
];

const REQUEST: Clause[] = [
  (s) => `店主希望${s.pick(['送货时间改到上午', '多给一些紧俏烟', '参加零售户培训', '调整订货日', '增加一个品规'])}，已记录${s.pick(['并向部门反映', '反馈给送货组', '下次答复'])}`,
  (s) => `店主对${s.pick(['送货服务', '订货系统', '结算方式', '货源分配'])}有意见：${s.pick(['送货时间不固定', '系统偶尔卡顿', '到账慢一天', '紧俏烟太少'])}，已${s.pick(['记录反馈', '当场解释', '上报处理'])}`,
  (s) => `店主咨询${s.pick(['许可证延续', '经营地址变更', '档位升级', '诚信积分'])}，${s.pick(['做了详细解答', '留了办理材料清单', '约好陪同办理'])}`,
  (s) => `店主反映${s.pick(['上次送货少了一条', '有一条包装破损', '发票迟迟没到'])}，${s.pick(['已联系物流核实', '已登记补送', '已请财务处理'])}`,
  (s) => `${s.owner()}问起${s.pick(['春节备货', '国庆备货', '旺季货源', '新品投放'])}安排，${s.pick(['介绍了大致计划', '答应及时通知', '让店主早做准备'])}`,
];

const INFO: Clause[] = [
  (s) => `核实了${s.pick(['经营地址', '联系电话', '许可证有效期', '经营者身份', '营业时间'])}，${s.pick(['信息无变化', '已更新', '与档案一致'])}`,
  (s) => `检查了${s.pick(['灭火器', '电线线路', '仓储环境', '监控设备'])}，${s.pick(['未见隐患', '提醒注意防潮', '灭火器快到期了，提醒更换'])}`,
  (s) => `店门口${s.pick(['在修路', '新划了停车位', '换了招牌'])}，${s.pick(['已更新照片', '客流有变化', '记下了'])}`,
  (s) => `拍了柜台和门头照片${s.n(2, 6)}张，${s.pick(['存档备查', '上传系统', '用于档案更新'])}`,
];

const ORDERLY: Clause[] = [
  (s) => `查看了进货票据，${s.pick(['均为公司配送', '来源清楚', '与订单相符'])}，未发现假私烟`,
  (s) => `柜台和库房${s.pick(['没有', '未见'])}来源不明的卷烟`,
  (s) => `店里没有${s.pick(['拆条零卖的外地烟', '无标识卷烟', '电子烟违规销售'])}，${s.pick(['经营规范', '守法意识较强'])}`,
];

const BUSINESS: Clause[] = [
  (s) => `店里本月${s.pick(['生意比上月好', '客流偏少', '销售平稳', '营业额增加约两成'])}，${s.pick(['店主心情不错', '店主有些着急', '主要靠老顾客'])}`,
  (s) => `${s.pick(['店铺周边道路施工', '附近厂子放假', '小区新入住一批住户', '学校放假'])}，${s.pick(['客流减少', '客流增加', '晚上生意变好'])}`,
  (s) => `店主${s.pick(['家里有事', '去进货了', '身体不太舒服'])}，${s.pick(['这次沟通时间较短', '由家人接待', '约好下次再细聊'])}`,
  (s) => `店里${s.pick(['新招了一个店员', '开始卖熟食', '增加了快递代收'])}，${s.pick(['人气旺了', '卷烟顺带卖得多了', '店主更忙了'])}`,
];

const VISIT_CATEGORIES = [STOCK, PRICE, DISPLAY, CONSUMER, COMPETITION, POLICY, NEW_BRAND, GUIDANCE, REQUEST, INFO, ORDERLY, BUSINESS];
const CALL_CATEGORIES = [STOCK, CONSUMER, POLICY, NEW_BRAND, REQUEST, BUSINESS];

function opening(s: Slots): string {
  const { retailer, arrive, stayMinutes, method } = s.ctx;
  const shop = retailer.name;
  if (method !== '走访') {
    return s.pick([
      `${method === '电话' ? '电话' : '微信'}回访${shop}，${s.owner()}接的`,
      `${method === '电话' ? '打电话' : '发微信'}联系${shop}的${s.owner()}`,
      `通过${method}与${shop}（${retailer.owner}）沟通`,
    ]);
  }
  const hour = arrive === null ? 9 : Math.floor(arrive / 60);
  const part = hour < 12 ? '上午' : '下午';
  return s.pick([
    `今日走访${shop}，${s.owner()}在店`,
    `${part}${hour > 12 ? hour - 12 : hour}点多到${shop}拜访，${s.owner()}正在理货`,
    `按计划到${shop}（${retailer.owner}）走访`,
    `${part}到${shop}，与${s.owner()}交流约${stayMinutes ?? 20}分钟`,
    `到访${shop}，${s.owner()}${s.pick(['刚进完货', '在招呼顾客', '在整理货架', '正好有空'])}`,
    `例行拜访${shop}，接待的是${retailer.owner}${s.pick(['的爱人', '的儿子', '本人', '家的店员'])}`,
    `走访${retailer.market === '乡村' ? '村里的' : ''}${shop}，${s.owner()}在店`,
  ]);
}

function closing(s: Slots): string {
  return s.pick([
    `本周该户已订货${Math.max(1, Math.round(s.ctx.weeklyOrder))}条。`,
    `约定${s.weekday()}再来回访。`,
    `下次走访重点跟进${s.brand()}动销。`,
    `店主对服务${s.pick(['表示满意', '比较认可', '没有意见'])}。`,
    '',
    '',
  ]);
}

const PROBLEMS: { problem: string; action: string; price?: false; display?: false }[] = [
  { problem: '价签缺失', action: '已补齐价签', price: false },
  { problem: '陈列杂乱', action: '已协助整理', display: false },
  { problem: '部分品规断货', action: '已提醒及时订货' },
  { problem: '库存积压', action: '已建议暂缓订购' },
  { problem: '价签与售价不符', action: '已要求当场更正', price: false },
  { problem: '许可证临近到期', action: '已提醒办理延续' },
  { problem: '未张贴禁售标识', action: '已发放并张贴' },
  { problem: '店主对送货时间有意见', action: '已反馈送货组' },
];

const VIOLATION_CLAUSES: Record<ReportedViolation, Clause> = {
  假烟: (s) =>
    `发现柜台内有${s.n(2, 6)}条${s.brand()}包装${s.pick(['印刷模糊', '封口异常', '条码扫不出来'])}，疑似假烟，已拍照取证并当场告知专管员`,
  '私烟/非法渠道': (s) =>
    `店内有${s.n(3, 10)}条${s.brand()}没有公司配送记录，店主称从${s.pick(['外地亲戚处', '流动商贩处', '网上'])}购进，属非法渠道进货，已上报专管员`,
};

/**
 * One journal entry built from an opening, several clauses from different topics and a
 * closing, each with its own slot values, so that two honest entries rarely share more
 * than a few phrases.
 */
export function composeJournalEntry(rng: SeededRandom, ctx: JournalContext, violation: ReportedViolation | null = null): JournalEntry {
  const s = new Slots(rng, ctx);
  const categories = ctx.method === '走访' ? VISIT_CATEGORIES : CALL_CATEGORIES;
  const clauseCount = ctx.method === '走访' ? rng.int(3, 5) : rng.int(2, 3);
  const clauses = rng.sample(categories, clauseCount).map((category) => rng.pick(category)(s));
  if (violation) clauses.unshift(VIOLATION_CLAUSES[violation](s));
  const content = `${opening(s)}，${clauses.join('；')}。${closing(s)}`;

  if (violation) {
    return {
      content,
      problems: violation === '假烟' ? '发现疑似假烟' : '非法渠道进货',
      actions: '已上报专管员',
      priceMarked: true,
      displayOk: true,
      violation,
    };
  }
  const problem = ctx.method === '走访' && rng.chance(0.28) ? rng.pick(PROBLEMS) : null;
  return {
    content,
    problems: problem?.problem ?? '',
    actions: problem ? rng.pick([problem.action, '已处理']) : '',
    priceMarked: problem?.price ?? true,
    displayOk: problem?.display ?? true,
    violation: '无',
  };
}

/** What a manager who cannot be bothered writes. */
export const SHORT_ENTRIES = ['正常拜访，无异常。', '店主不在。', '例行走访，一切正常。', '检查陈列，正常。', '送资料。', '无特殊情况。', '了解销售情况。', '已走访。'];
