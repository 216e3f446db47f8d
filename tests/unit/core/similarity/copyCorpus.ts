import type { NearCopyDoc } from '../../../../src/core/similarity/nearCopyTypes';
import { seededRandom } from './journalTexts';

/**
 * A district's month of journal entries for judging copy detection (issue 20): what each entry
 * truly is is known, so a rule's honest accusations and caught copies can be counted.
 * - honest free entries (journalText: shops, brands, numbers of the writer's own day);
 * - honest templated entries: long official phrasing (述职 paragraphs, 稽查 wording) used by
 *   4–7 managers over the month and the month before, each time with its facts changed;
 * - honest short entries (20–29 characters) from short templates, facts changed;
 * - pure 套话 paragraphs with no fact at all, reused by several managers every month;
 * - true copies, each one small edit away from another manager's entry: punctuation, a
 *   character, an insertion, a deletion, a number, a swapped shop name (long and short sources);
 * - copy rings: three managers writing the same entry in the month, each copy with one edit.
 */
export type EntryTruth = 'honest' | 'templated' | 'short-honest' | 'boilerplate' | 'copy' | 'ring';

export const EDIT_KINDS = ['punctuation', 'character', 'insertion', 'deletion', 'number', 'shop'] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export interface CorpusEntry extends NearCopyDoc {
  truth: EntryTruth;
  /** Copies and ring members: the entry copied (a ring's first entry). */
  sourceId?: number;
  edit?: EditKind | 'none';
  ring?: number;
}

export interface CopyCorpus {
  month: string;
  entries: CorpusEntry[];
}

const PLACES = ['城东', '城西', '河滨', '新华', '人民', '解放', '建设', '和平', '胜利', '东风', '红星', '光明'];
const SHOP_KINDS = ['便利店', '超市', '烟酒店', '副食店', '商行', '小卖部', '食杂店'];
const BRANDS = ['中华', '玉溪', '云烟', '芙蓉王', '黄鹤楼', '利群', '南京', '红塔山', '真龙', '白沙', '黄山', '贵烟'];
const DOCS = ['卷烟零售市场管理办法', '客户经理工作规范', '烟草专卖法实施条例', '营销服务标准'];

type Random = () => number;
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
/** Trade names (字号) of two characters: a district's retailers rarely share one. */
const NAME_CHARS = Array.from('鑫源福满金叶兴隆顺发旺达恒泰永祥和盛嘉瑞丰华宏昌利民安康佳乐新阳春晖明月吉星百川万家');
const shop = (r: Random) => `${pick(r, PLACES)}${pick(r, NAME_CHARS)}${pick(r, NAME_CHARS)}${pick(r, SHOP_KINDS)}`;
const TRENDS = ['较快', '一般', '偏慢', '明显回升', '有所下滑', '平稳', '好于上月', '不及预期'];
const ACTIONS = ['适当增加投放', '减少订货量', '调整陈列位置', '加强宣传', '保持现有投放', '开展品牌推介', '关注价格变化', '下周再回访'];
const ISSUES = ['价签缺失', '陈列杂乱', '有过期促销物料', '柜台灰尘较多', '品规摆放不全', '明码标价不规范', '价格高于建议零售价'];

/**
 * Each manager serves retailers of their own (as route assignments make it): a shop name in an
 * entry is the writer's specific content, not district phrasing.
 */
function shopsByManager(r: Random, managers: readonly string[], perManager: number): Map<string, string[]> {
  const all = new Set<string>();
  while (all.size < managers.length * perManager) all.add(shop(r));
  const names = [...all];
  return new Map(managers.map((m, i) => [m, names.slice(i * perManager, (i + 1) * perManager)]));
}

/** A free entry of 80–200 characters about the writer's own shops (journalTexts' sentences). */
function freeEntry(r: Random, shops: readonly string[]): string {
  const s = () => pick(r, shops);
  const sentences = [
    () => `今天走访${pick(r, PLACES)}${int(r, 1, 9)}号线路，拜访零售户${int(r, 3, 22)}户。`,
    () => `在${s()}检查陈列，${pick(r, BRANDS)}摆放整齐，价签齐全。`,
    () => `${s()}店主反映${pick(r, BRANDS)}近期动销${pick(r, TRENDS)}，建议${pick(r, ACTIONS)}。`,
    () => `向${s()}宣传${pick(r, BRANDS)}新品政策，指导店主使用网上订货系统。`,
    () => `发现${s()}${pick(r, ISSUES)}，已当场提醒整改，下次拜访时复查。`,
    () => `${s()}本周订货${int(r, 5, 64)}条，其中${pick(r, BRANDS)}${int(r, 1, 10)}条，较上周${pick(r, TRENDS)}。`,
    () => `与${s()}老板交流经营情况，了解到周边新开${int(r, 1, 3)}家${pick(r, SHOP_KINDS)}，需关注。`,
    () => `${pick(r, PLACES)}片区${pick(r, BRANDS)}终端价格${pick(r, TRENDS)}，零售户毛利约${int(r, 8, 19)}%。`,
    () => `协助${s()}整理柜台，按品牌价位重新陈列，${pick(r, ISSUES)}问题已解决。`,
  ];
  for (;;) {
    let text = '';
    while (text.length < 80 + r() * 60) text += pick(r, sentences)();
    if (text.length <= 200) return text;
  }
}

/** Official phrasing with facts: the wording is the district's, the facts the writer's. */
/** `study`: the document the district studies that month (one for everyone). */
const TEMPLATES: ((r: Random, shop: (r: Random) => string, study: string) => string)[] = [
  (r) => `“随机式”抽查。稽查人员随机抽查${int(r, 3, 80)}户异常经营户，对卷烟落地销售、盘点零售客户库存、核对进销存台账等情况进行检查，未发现违规问题。`,
  (r) => `按照客户分类管理要求，将我所管辖的${int(r, 120, 260)}户根据配合程度分为三个类别，对配合度高的客户重点培育，对配合度一般的客户加强沟通，对配合度差的客户逐步引导。`,
  (r) => `截至本月底，网订客户数为${int(r, 60, 160)}户，占总客户数的${int(r, 50, 90)}.${int(r, 0, 9)}%，较上月有所提升，下一步将继续推进网上订货，提高网订率。`,
  (r) => `今日按线路走访零售客户${int(r, 8, 60)}户，重点宣传${pick(r, BRANDS)}新品上市政策，检查卷烟陈列和明码标价情况，收集客户对货源投放的意见和建议。`,
  (r, shop) => `配合专卖部门开展市场检查，重点检查${shop(r)}等零售户的卷烟进货渠道和真伪情况，共检查卷烟${int(r, 20, 300)}条，未发现假冒伪劣卷烟。`,
  (r, _shop, study) => `组织开展客户经理业务学习，学习《${study}》相关内容，结合辖区${int(r, 100, 250)}户零售客户实际情况，讨论如何提升服务质量和客户满意度。`,
  (r, shop) => `对${shop(r)}进行回访，了解${pick(r, BRANDS)}的销售情况和消费者反馈，指导客户合理订货，做好卷烟陈列，提升终端形象。`,
  (r) => `开展诚信互助小组活动，召集${int(r, 6, 60)}户零售客户座谈，宣传诚信经营理念，通报近期市场检查情况，引导客户规范经营。`,
];

/**
 * The held-out phrasing (variant 'held-out'): other official wording, other 套话 and other short
 * templates, written before the rule was judged on them, so that the rule is not fitted to one
 * set of templates.
 */
const HELD_OUT_TEMPLATES: typeof TEMPLATES = [
  (r, shop) => `开展卷烟市场专项整治，联合专卖人员检查${shop(r)}等${int(r, 6, 40)}户零售客户，查获违规卷烟${int(r, 1, 30)}条，已移交专卖部门依法处理。`,
  (r) => `本月辖区零售客户订货面达到${int(r, 70, 99)}.${int(r, 0, 9)}%，户均订货量${int(r, 20, 90)}条，比上月增长${int(r, 1, 9)}.${int(r, 0, 9)}个百分点，完成月度工作目标。`,
  (r, _shop, study) => `参加公司组织的《${study}》专题培训，培训时长${int(r, 2, 8)}小时，通过培训进一步提高了业务能力和服务水平，今后将把所学运用到实际工作中。`,
  (r, shop) => `走访${shop(r)}时，店主反映${pick(r, BRANDS)}货源偏紧，客户需求量约为每周${int(r, 5, 40)}条，已将客户需求反馈至营销中心，争取合理调整投放。`,
  (r) => `按照品牌培育计划，对${pick(r, BRANDS)}进行重点培育，选取${int(r, 5, 30)}户示范客户开展陈列展示和消费者推介，目前已有${int(r, 2, 20)}户客户实现稳定动销。`,
  (r) => `对辖区${int(r, 100, 300)}户零售客户开展满意度回访，收集意见建议${int(r, 3, 25)}条，针对客户反映的送货时间问题已与物流部门沟通协调解决。`,
  (r, shop) => `协助${shop(r)}完成信息采集终端安装调试，指导店主录入商品信息和使用扫码结算功能，提升零售终端信息化水平。`,
  (r) => `今日参加片区例会，传达上级会议精神，通报本周市场检查情况，部署下周${pick(r, BRANDS)}等重点品牌的推广工作。`,
];
const HELD_OUT_BOILERPLATE = [
  '严格遵守公司各项纪律要求，认真履行客户经理岗位职责，扎实做好市场服务工作，努力提升客户满意度和服务质量。',
  '按照工作计划开展日常走访，做好政策宣传和市场信息收集工作，及时反馈客户意见，维护良好的市场秩序。',
];

/** 套话: nothing of the writer's own day in it. */
const BOILERPLATE = [
  '今天按计划走访辖区零售客户，宣传卷烟营销政策，检查卷烟陈列和明码标价，了解市场动态，收集客户意见，做好服务工作。',
  '认真学习公司各项规章制度，提高业务水平和服务意识，做好市场走访和客户服务，确保各项工作任务顺利完成。',
];

/** Short entries (20–29 characters once punctuation is gone). */
const SHORT_TEMPLATES: ((r: Random, shop: (r: Random) => string) => string)[] = [
  (r, shop) => `今日走访${shop(r)}，${pick(r, BRANDS)}陈列整齐，价签齐全，无异常。`,
  (r, shop) => `${shop(r)}店主反映${pick(r, BRANDS)}断货，已登记需求。`,
  (r, shop) => `${shop(r)}本周订货${int(r, 5, 90)}条，${pick(r, BRANDS)}走势较好。`,
];

const HELD_OUT_SHORT_TEMPLATES: typeof SHORT_TEMPLATES = [
  (r, shop) => `${shop(r)}反映${pick(r, BRANDS)}到货偏少，已记录上报。`,
  (r, shop) => `在${shop(r)}检查陈列，${pick(r, BRANDS)}位置已调整好。`,
  (r, shop) => `${shop(r)}今天订了${int(r, 5, 90)}条${pick(r, BRANDS)}，店主较满意。`,
];

/** Which phrasing a corpus is written in: the one the rule was built on, or the held-out one. */
export type CorpusVariant = 'built-on' | 'held-out';

const PHRASING = {
  'built-on': { templates: TEMPLATES, boilerplate: BOILERPLATE, shortTemplates: SHORT_TEMPLATES },
  'held-out': { templates: HELD_OUT_TEMPLATES, boilerplate: HELD_OUT_BOILERPLATE, shortTemplates: HELD_OUT_SHORT_TEMPLATES },
} as const;

/** Characters a near-copy measure counts: no whitespace, punctuation or symbols. */
export function countedLength(text: string): number {
  return Array.from(text.replace(/[\s\p{P}\p{S}]/gu, '')).length;
}

/** A short entry the evaluation still compares (20–29 counted characters). */
function shortEntry(r: Random, shopOf: (r: Random) => string, templates: typeof SHORT_TEMPLATES): string {
  for (;;) {
    const text = pick(r, templates)(r, shopOf);
    const length = countedLength(text);
    if (length >= 20 && length < 30) return text;
  }
}

const MANAGERS = Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`);
const PUNCTUATION = ['，', '。', '、', '；', '！', ' '];
const FILLER = Array.from('的了在是有和这个对也将要就都');

function day(month: string, d: number): string {
  return `${month}-${String(d).padStart(2, '0')}`;
}

/** One small edit of the given kind; null when the text has nothing to edit that way. */
export function editOnce(text: string, kind: EditKind, r: Random): string | null {
  const chars = Array.from(text);
  const cjk = chars.map((c, i) => (/\p{Script=Han}/u.test(c) ? i : -1)).filter((i) => i >= 0);
  const at = pick(r, cjk);
  switch (kind) {
    case 'punctuation': {
      const marks = chars.map((c, i) => (/[，。、；！“”《》]/.test(c) ? i : -1)).filter((i) => i >= 0);
      if (marks.length === 0 || r() < 0.3) chars.splice(at, 0, pick(r, PUNCTUATION));
      else chars[pick(r, marks)] = pick(r, PUNCTUATION.filter((m) => m !== chars[marks[0]!]));
      return chars.join('');
    }
    case 'character':
      chars[at] = pick(r, FILLER.filter((c) => c !== chars[at]));
      return chars.join('');
    case 'insertion':
      chars.splice(at, 0, ...Array.from(pick(r, ['也', '今天', '及时', '认真'])));
      return chars.join('');
    case 'deletion':
      chars.splice(at, r() < 0.5 ? 1 : 2);
      return chars.join('');
    case 'number': {
      const numbers = [...text.matchAll(/\d+/g)];
      if (numbers.length === 0) return null;
      const n = pick(r, numbers);
      const value = Number(n[0]);
      const changed = String(value + (r() < 0.5 && value > 1 ? -1 : 1) * int(r, 1, 5));
      return text.slice(0, n.index) + changed + text.slice(n.index! + n[0].length);
    }
    case 'shop': {
      const shops = [...text.matchAll(new RegExp(`(${PLACES.join('|')})[${NAME_CHARS.join('')}]{2}(${SHOP_KINDS.join('|')})`, 'g'))];
      if (shops.length === 0) return null;
      const s = pick(r, shops);
      let other = shop(r);
      while (other === s[0]) other = shop(r);
      return text.slice(0, s.index) + other + text.slice(s.index! + s[0].length);
    }
  }
}

/**
 * The corpus for `seed` in `variant`'s phrasing: 12 managers, entries of `month` and of the month before (the look-back a
 * month's evaluation reads), about 40 copies (every edit kind, long and short sources) and 4 rings.
 */
export function copyCorpus(seed = 20, variant: CorpusVariant = 'built-on', month = '2026-10', previous = '2026-09'): CopyCorpus {
  const r = seededRandom(seed);
  const phrasing = PHRASING[variant];
  const shops = shopsByManager(r, MANAGERS, 30);
  const shopOf = (author: string) => (rr: Random) => pick(rr, shops.get(author)!);
  const entries: CorpusEntry[] = [];
  const written = new Set<string>();
  let nextId = 1;
  const add = (entry: Omit<CorpusEntry, 'id'>) => {
    const full = { id: nextId++, ...entry };
    entries.push(full);
    return full;
  };
  for (const m of [previous, month]) {
    const reference = m === previous;
    for (const author of MANAGERS) {
      for (let d = 1; d <= 28; d++) {
        if (r() < 0.25) continue;
        const roll = r();
        const base = { author, date: day(m, d), reference, truth: 'honest' as EntryTruth };
        if (roll < 0.55) add({ ...base, text: freeEntry(r, shops.get(author)!) });
        else if (roll < 0.75) {
          // The same words twice from one writer are a self copy by definition, not an honest entry.
          let text = shortEntry(r, shopOf(author), phrasing.shortTemplates);
          for (let tries = 0; written.has(text) && tries < 100; tries++) text = shortEntry(r, shopOf(author), phrasing.shortTemplates);
          written.add(text);
          add({ ...base, text, truth: 'short-honest' });
        }
        else if (roll < 0.8) add({ ...base, text: pick(r, phrasing.boilerplate), truth: 'boilerplate' });
      }
    }
    // Each template is the phrasing of 4–7 managers, each using it once or twice a month.
    const study = pick(r, DOCS);
    for (const template of phrasing.templates) {
      const users = [...MANAGERS].sort(() => r() - 0.5).slice(0, int(r, 4, 7));
      for (const author of users) {
        for (let k = int(r, 1, 2); k > 0; k--) {
          // Facts are the writer's own: two honest fillings of a template never coincide.
          let text = template(r, shopOf(author), study);
          for (let tries = 0; written.has(text) && tries < 100; tries++) text = template(r, shopOf(author), study);
          written.add(text);
          add({ author, date: day(m, int(r, 1, 28)), reference, text, truth: 'templated' });
        }
      }
    }
  }

  const inMonth = (e: CorpusEntry) => !e.reference;
  const otherManager = (author: string) => pick(r, MANAGERS.filter((x) => x !== author));
  const laterDay = (date: string) => day(month, int(r, Number(date.slice(8)) + 1, 28));
  const copyDate = (source: CorpusEntry) => (inMonth(source) ? laterDay(source.date) : day(month, int(r, 1, 28)));
  const longSources = entries.filter((e) => e.truth === 'honest');
  const shortSources = entries.filter((e) => e.truth === 'short-honest');
  // Every copy has a source of its own (a source copied by two would be a ring); a short entry with
  // its shop swapped keeps only a number and a brand, a different fact rather than a copy, so short
  // sources get the other edits.
  const used = new Set<number>();
  for (const kind of EDIT_KINDS) {
    for (const [sources, count] of [
      [longSources, kind === 'shop' ? 8 : 5],
      [shortSources, kind === 'shop' ? 0 : 3],
    ] as const) {
      for (let made = 0; made < count; ) {
        const source = pick(r, sources);
        if (source.date >= day(month, 28) || used.has(source.id)) continue;
        used.add(source.id);
        const text = editOnce(source.text, kind, r);
        // A copy under 20 characters is not compared at all (it counts as a short entry).
        if (text === null || countedLength(text) < 20) continue;
        add({ author: otherManager(source.author), date: copyDate(source), text, truth: 'copy', sourceId: source.id, edit: kind });
        made++;
      }
    }
  }
  const ringEdits = ['none', 'punctuation', 'character', 'insertion', 'deletion'] as const;
  for (const [ring, size] of [3, 3, 3, 3, 4, 4].entries()) {
    const [a, ...others] = [...MANAGERS].sort(() => r() - 0.5);
    const first = add({ author: a!, date: day(month, int(r, 1, 10)), text: freeEntry(r, shops.get(a!)!), truth: 'ring', ring });
    for (const author of others.slice(0, size - 1)) {
      const edit = pick(r, ringEdits);
      const text = edit === 'none' ? first.text : editOnce(first.text, edit, r)!;
      add({ author, date: laterDay(first.date), text, truth: 'ring', ring, sourceId: first.id, edit });
    }
  }
  return { month, entries };
}
