import type { NearCopyDoc } from '../../../../src/core/similarity/nearCopyTypes';

/** mulberry32: a tiny seeded PRNG so generated corpora are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const SHOP_KINDS = ['便利店', '超市', '烟酒店', '副食店', '商行', '小卖部', '百货', '烟酒行', '食杂店', '批发部'];
const PLACES = ['城东', '城西', '城南', '城北', '河滨', '新华', '人民', '解放', '建设', '和平', '胜利', '东风', '红星', '光明', '中山', '长江', '黄河', '青年', '工农', '团结'];
const BRANDS = ['中华', '玉溪', '云烟', '芙蓉王', '黄鹤楼', '利群', '南京', '红塔山', '真龙', '白沙', '黄山', '贵烟', '娇子', '双喜', '七匹狼', '红河', '钻石', '泰山', '好猫', '长白山'];
const TRENDS = ['较快', '一般', '偏慢', '明显回升', '有所下滑', '平稳', '好于上月', '不及预期'];
const ACTIONS = ['适当增加投放', '减少订货量', '调整陈列位置', '加强宣传', '保持现有投放', '开展品牌推介', '关注价格变化', '下周再回访'];
const ISSUES = ['价签缺失', '陈列杂乱', '有过期促销物料', '柜台灰尘较多', '品规摆放不全', '明码标价不规范', '价格高于建议零售价'];
const FILLER = '的了在是我有和人这中大为上个国不以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质性';

export const COMMON_CHARS = Array.from(new Set(FILLER));

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function shopName(random: () => number): string {
  return `${pick(random, PLACES)}${pick(random, Array.from(SURNAMES))}记${pick(random, SHOP_KINDS)}`;
}

const SENTENCES: ((random: () => number) => string)[] = [
  (r) => `今天走访${pick(r, PLACES)}${1 + Math.floor(r() * 9)}号线路，拜访零售户${3 + Math.floor(r() * 20)}户。`,
  (r) => `在${shopName(r)}检查陈列，${pick(r, BRANDS)}摆放整齐，价签齐全。`,
  (r) => `${shopName(r)}店主反映${pick(r, BRANDS)}近期动销${pick(r, TRENDS)}，建议${pick(r, ACTIONS)}。`,
  (r) => `向${shopName(r)}宣传${pick(r, BRANDS)}新品政策，指导店主使用网上订货系统。`,
  (r) => `发现${shopName(r)}${pick(r, ISSUES)}，已当场提醒整改，下次拜访时复查。`,
  (r) => `${shopName(r)}本周订货${5 + Math.floor(r() * 60)}条，其中${pick(r, BRANDS)}${1 + Math.floor(r() * 10)}条，较上周${pick(r, TRENDS)}。`,
  (r) => `与${pick(r, Array.from(SURNAMES))}老板交流经营情况，了解到周边新开${1 + Math.floor(r() * 3)}家${pick(r, SHOP_KINDS)}，需关注。`,
  (r) => `${pick(r, PLACES)}片区${pick(r, BRANDS)}终端价格${pick(r, TRENDS)}，零售户毛利约${8 + Math.floor(r() * 12)}%。`,
  (r) => `协助${shopName(r)}整理柜台，按品牌价位重新陈列，${pick(r, ISSUES)}问题已解决。`,
];

/** One journal entry of 80–200 characters built from a supervisor's typical sentences. */
export function journalText(random: () => number): string {
  for (;;) {
    let text = '';
    while (text.length < 80 + random() * 60) text += pick(random, SENTENCES)(random);
    if (text.length <= 200) return text;
  }
}

/**
 * A copy of `text` with `edits` characters replaced, and punctuation or spacing changed
 * the way a copier hides a copy (which normalisation must see through).
 */
export function nearCopyOf(text: string, edits: number, random: () => number): string {
  const chars = Array.from(text);
  for (let k = 0; k < edits; k++) {
    chars[Math.floor(random() * chars.length)] = pick(random, COMMON_CHARS);
  }
  return chars
    .join('')
    .replace(/，/g, () => (random() < 0.5 ? ', ' : '，'))
    .replace(/。/g, () => (random() < 0.3 ? '! ' : '。'));
}

export interface Corpus {
  docs: NearCopyDoc[];
  /** [original id, copy id] of every planted near-copy. */
  planted: [number, number][];
}

/** `count` entries; about `copyShare` of them near-copies of an earlier entry with 0–14 edits. */
export function journalCorpus(count: number, seed: number, copyShare = 0.1): Corpus {
  const random = seededRandom(seed);
  const docs: NearCopyDoc[] = [];
  const planted: [number, number][] = [];
  for (let id = 1; id <= count; id++) {
    const author = `M${String(1 + Math.floor(random() * 40)).padStart(3, '0')}`;
    const date = `2026-10-${String(1 + Math.floor(random() * 30)).padStart(2, '0')}`;
    if (docs.length > 0 && random() < copyShare) {
      const original = pick(random, docs);
      docs.push({ id, author, date, text: nearCopyOf(original.text, Math.floor(random() * 15), random) });
      planted.push([original.id, id]);
    } else {
      docs.push({ id, author, date, text: journalText(random) });
    }
  }
  return { docs, planted };
}
