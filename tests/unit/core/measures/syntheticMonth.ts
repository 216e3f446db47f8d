import type { EvaluationInput } from '../../../../src/core/measures/evaluationInput';
import { emptyInput } from './testInput';

/** A deterministic pseudo-random district month of the given size, for timing the evaluation. */
export function syntheticMonth(size: { managers: number; retailers: number; punches: number; journals: number }): EvaluationInput {
  // mulberry32: 32-bit integer arithmetic, so the sequence is exact and the same everywhere.
  let seed = 42;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const workdays = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`).filter((_, i) => i % 7 < 5);
  const managers = Array.from({ length: size.managers }, (_, i) => ({ code: `M${i}`, name: `经理${i}`, hiredOn: null, status: '在岗' }));
  const managerOf = (retailerId: number) => `M${retailerId % size.managers}`;
  const retailers = Array.from({ length: size.retailers }, (_, id) => ({
    id,
    licence: String(370100000000 + id),
    name: `零售户${id}`,
    tier: 1 + (id % 30),
    route: `L${id % (size.managers * 3)}`,
    // Each manager's area is a few kilometres across, as in a real district.
    longitude: 117 + (id % size.managers) * 0.05 + random() * 0.03,
    latitude: 36 + random() * 0.03,
    status: id % 50 === 0 ? '暂停' : '正常',
  }));
  const assignments = retailers.map((r) => ({ retailerId: r.id, managerCode: managerOf(r.id), route: r.route, from: '2025-01-01', to: null }));
  const brands = Array.from({ length: 5 }, (_, i) => ({ code: `B${i}`, name: `品规${i}`, keyBrand: i < 2, newBrand: i === 4 }));
  const orderTotals = ['2025-10', '2026-09', '2026-10'].flatMap((month) =>
    retailers.flatMap((r) =>
      brands.map((b) => {
        const quantity = Math.floor(random() * 20);
        return { retailerId: r.id, brandCode: b.code, month, quantity, retailValue: quantity * 200, wholesaleValue: quantity * 180 };
      }),
    ),
  );
  const punches = Array.from({ length: size.punches }, (_, id) => {
    const retailerId = Math.floor(random() * size.retailers);
    const date = pick(workdays);
    const minute = 7 * 60 + Math.floor(random() * 13 * 60);
    const at = `${date}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
    return { id, managerCode: managerOf(retailerId), at, date, retailerId, longitude: null, latitude: null, mockLocation: false, anomaly: null, kind: null };
  });
  // Real entries share phrases but rarely whole sentences: ~400 two-character words, 2 % planted copies.
  const pool = Array.from('走访零售户宣传新品卷烟陈列明码标价订单货源政策柜台整理检查反馈库存价格城东乡村线路客户经营指导服务态度送货及时投诉处理市场秩序规范假冒私烟渠道协议履约销量同比增长重点品牌毛利结构档位调整');
  const words = Array.from({ length: 400 }, () => pick(pool) + pick(pool));
  const journalDays = [...Array.from({ length: 30 }, (_, i) => `2026-09-${String(i + 1).padStart(2, '0')}`), ...workdays];
  const journals = Array.from({ length: size.journals * 2 }, (_, id) => ({
    id,
    managerCode: `M${id % size.managers}`,
    date: id < size.journals ? pick(journalDays.slice(0, 30)) : pick(workdays),
    retailerId: Math.floor(random() * size.retailers),
    content: Array.from({ length: 15 + Math.floor(random() * 15) }, () => pick(words)).join(''),
    problems: random() < 0.1 ? '发现价格不规范' : '无',
    violation: random() < 0.01 ? '假烟' : '无',
    priceMarked: random() < 0.9,
    displayOk: random() < 0.9,
  }));
  for (let id = 0; id < journals.length; id += 50) {
    const original = journals[Math.floor(random() * journals.length)]!;
    journals[id] = { ...journals[id]!, content: original.content };
  }
  const surveys = Array.from({ length: size.retailers / 20 }, (_, id) => ({
    id,
    date: pick(workdays),
    retailerId: Math.floor(random() * size.retailers),
    knowsManager: random() < 0.97,
    namesManager: null,
    items: { 服务态度: 1 + Math.floor(random() * 5), 送货服务: 1 + Math.floor(random() * 5) },
    overall: pick(['非常满意', '满意', '一般', '不满意']),
  }));
  const inspections = Array.from({ length: size.retailers / 80 }, (_, id) => ({
    id,
    date: pick(workdays),
    retailerId: Math.floor(random() * size.retailers),
    violation: pick(['无', '假烟', '私烟/非法渠道']),
  }));
  const spotchecks = managers.flatMap((m, i) => [
    { id: i * 3, date: '2026-10-15', managerCode: m.code, item: 'retailer_count' as const, subject: null, answer: 190 },
    { id: i * 3 + 1, date: '2026-10-15', managerCode: m.code, item: 'route_volume' as const, subject: `L${i}`, answer: 3000 },
    { id: i * 3 + 2, date: '2026-10-15', managerCode: m.code, item: 'tier_count' as const, subject: '21-30', answer: 60 },
  ]);
  const agreements = retailers.map((r) => ({ id: r.id, month: '2026-10', retailerId: r.id, agreed: 40, brandCode: null }));
  return emptyInput({ workdays, managers, retailers, assignments, brands, orderTotals, punches, journals, surveys, inspections, spotchecks, agreements });
}
